export interface LintProblem {
	file: string;
	line: number;
	rule: string | null;
	message: string;
}

export function lintGenerated(nodes: Array<{ file: string; description: string }>): LintProblem[];
