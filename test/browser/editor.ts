import { join } from 'node:path';

import type { Locator, Page } from 'playwright-core';

import type { Owner } from '../e2e/lib/n8n-client';

/**
 * The n8n 2.41 editor as a person uses it, by its data-test-id marks (the ones n8n's own Playwright suite
 * uses: packages/testing/playwright in github.com/n8n-io/n8n) and by visible text where the person reads it.
 */
export class Editor {
	constructor(
		readonly page: Page,
		readonly baseUrl: string,
		private readonly screenshotDir: string,
	) {}

	async screenshot(name: string, target: Page | Locator = this.page): Promise<string> {
		const path = join(this.screenshotDir, `${name}.png`);
		await target.screenshot({ path });
		return path;
	}

	async signIn(owner: Owner): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.page.getByTestId('emailOrLdapLoginId').locator('input').fill(owner.email);
		await this.page.getByTestId('password').locator('input').fill(owner.password);
		await this.page.getByTestId('form-submit-button').click();
		await this.page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
	}

	/** Credentials tab of the overview → the credential's card → its modal. */
	async openCredential(name: string): Promise<Locator> {
		await this.page.goto(`${this.baseUrl}/home/credentials`);
		await this.page.getByTestId('resources-list-item').filter({ hasText: name }).first().click();
		// The dialog element holds the header (name, Save) and the body marked credential-edit-dialog.
		const modal = this.page.locator('.el-dialog').filter({ has: this.page.getByTestId('credential-edit-dialog') });
		await modal.waitFor({ state: 'visible' });
		const title = await modal.getByTestId('credential-name').innerText();
		if (!title.includes(name)) throw new Error(`opened credential "${title.trim()}", expected "${name}"`);
		return modal;
	}

	/** The modal's close button; an unconnected credential asks "Close without connecting?" first. */
	async closeModal(modal: Locator): Promise<void> {
		await modal.locator('.el-dialog__close').first().click();
		const confirm = this.page.locator('.el-message-box').filter({ hasText: 'Close without connecting?' });
		if (await confirm.waitFor({ state: 'visible', timeout: 2000 }).then(() => true, () => false)) {
			await confirm.getByRole('button', { name: 'Close', exact: true }).click();
		}
		await this.page.getByTestId('credential-edit-dialog').waitFor({ state: 'hidden' });
	}

	async closeNode(ndv: Locator): Promise<void> {
		await ndv.getByTestId('ndv-close-button').click();
		await ndv.waitFor({ state: 'hidden' });
	}

	/**
	 * Presses Connect in the credential's "Connect your account" banner and returns the popup once it shows
	 * the vendor's page (the editor opens about:blank first, then sets the authorize URL).
	 */
	async pressConnect(modal: Locator, vendorOrigin: string): Promise<Page> {
		const popupOpened = this.page.waitForEvent('popup');
		await modal.getByTestId('oauth-not-connected-banner').getByRole('button', { name: 'Connect' }).click();
		const popup = await popupOpened;
		await popup.waitForURL((url) => url.origin === vendorOrigin, { timeout: 20_000 }).catch((error: unknown) => {
			throw new Error(`the Connect popup went to ${popup.url()}, not to the vendor at ${vendorOrigin}: ${error instanceof Error ? error.message : String(error)}`);
		});
		await popup.waitForLoadState();
		return popup;
	}

	/** The workflow's canvas, from the overview's workflow list. */
	async openWorkflow(name: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/home/workflows`);
		await this.page.getByTestId('workflow-card-name').filter({ hasText: name }).first().click();
		await this.page.getByTestId('canvas-node').first().waitFor({ state: 'visible' });
	}

	/** "Execute workflow" on the canvas; waits until the node shows its success mark. */
	async executeWorkflow(nodeName: string): Promise<void> {
		await this.page.getByTestId('execute-workflow-button').click();
		const node = this.canvasNode(nodeName);
		await node.getByTestId('canvas-node-status-success').waitFor({ state: 'visible', timeout: 60_000 });
	}

	canvasNode(name: string): Locator {
		return this.page.getByTestId('canvas-node').filter({ hasText: name });
	}

	/**
	 * Clicks an options parameter and returns its open list. A click that lands while the details view is
	 * still settling can be swallowed, so it is repeated (at most three times) until the list shows.
	 */
	async openDropdown(ndv: Locator, parameter: string): Promise<Locator> {
		const input = ndv.getByTestId(`parameter-input-${parameter}`);
		const list = this.page.locator('.el-select-dropdown').filter({ visible: true });
		for (let attempt = 1; attempt <= 3; attempt++) {
			await input.click();
			if (await list.first().waitFor({ state: 'visible', timeout: 5000 }).then(() => true, () => false)) return list.first();
		}
		throw new Error(`the ${parameter} dropdown did not open after three clicks`);
	}

	/** Double-click on the canvas node: its details view (parameters and output). */
	async openNode(name: string): Promise<Locator> {
		await this.canvasNode(name).dblclick();
		const ndv = this.page.getByTestId('ndv');
		await ndv.waitFor({ state: 'visible' });
		return ndv;
	}
}
