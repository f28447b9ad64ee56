// Prints one closing line that CI reads in any language: "jest: N passed, N failed".
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		const extra = skipped ? `, ${skipped} skipped` : '';
		process.stdout.write(
			`\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${extra}\n`,
		);
	}
}
module.exports = SummaryReporter;
