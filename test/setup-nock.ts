import nock from 'nock';

// nock 14 + jest: without restoring after each file, the next file's interceptors are never hit.
beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
	nock.enableNetConnect(/127\.0\.0\.1|localhost/); // the in-process sandbox
});
afterEach(() => nock.cleanAll());
afterAll(() => {
	nock.cleanAll();
	nock.restore();
});
