/** Unit and adapter tests (jest + ts-jest + nock). The real-n8n end-to-end suite runs separately (test/e2e). */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>'],
	testMatch: ['**/?(*.)test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/dist/', '/build/', '/test/e2e/'],
	setupFilesAfterEnv: ['<rootDir>/test/setup-nock.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
};
