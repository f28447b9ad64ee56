import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** What an `actions/<resource>/<operation>.operation.ts` file exports. */
export interface HeroOperation {
	description: INodeProperties[];
	/**
	 * Runs one input item; returns one record or a list (one output item per record).
	 * It must read and check every parameter before its first request to Hero, and change nothing
	 * before it: the router first runs it for every item up to that request (which is then stopped),
	 * so that an invalid item is reported before any item is sent, and later runs it again for real.
	 */
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
