// The sandbox's vendors, each entry built in that vendor's own file. Clients, control endpoints, routes and
// state iterate this list; adding a vendor means adding its files and one entry here.
import { webworkTrackerSandbox } from './webwork-tracker';
import { weekdoneSandbox } from './weekdone';
import { wordappSandbox } from './wordapp';
import { worksectionSandbox } from './worksection';
import { worktualSandbox } from './worktual';

export const SANDBOX_VENDORS = [weekdoneSandbox, worksectionSandbox, worktualSandbox, webworkTrackerSandbox, wordappSandbox] as const;

export type SandboxVendorEntry = (typeof SANDBOX_VENDORS)[number];
