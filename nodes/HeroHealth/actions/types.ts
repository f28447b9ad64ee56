import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** What an `actions/<resource>/<operation>.operation.ts` file exports. */
export interface HeroOperation {
	description: INodeProperties[];
	/** Runs one input item; returns one record or a list (one output item per record). */
	execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	/**
	 * False for operations whose items compete for shared state (booking a slot): they run one at
	 * a time whatever "Requests in Flight" says. Defaults to true.
	 */
	parallel?: boolean;
}

export interface HeroResource {
	/** The Operation selector of this resource. */
	operationProperty: INodeProperties;
	operations: Record<string, HeroOperation>;
}
