// The `action=` registry for Worksection's API, with the OAuth scope each one needs.
import { addWebhook, deleteWebhook, getEvents, getWebhooks } from './worksection-events';
import { activateProject, addCosts, closeProject, getCosts, getProject, getProjects, getUsers, me, postProject, updateProject } from './worksection-projects';
import { completeTask, getAllTasks, getComments, getTask, getTasks, postComment, postTask, reopenTask, searchTasks, updateTask } from './worksection-tasks';
import type { WsAction } from './worksection-types';

// Scope per action, built from the documented scope names ("List of available scopes: projects_read,
// projects_write, tasks_read, …, administrative"). Events and webhooks fit no named scope, so only the
// catch-all "administrative" passes, unless the worksection-unscoped-actions assumption is on; `me` is not
// a documented action at all (the doc's user information is POST /oauth2/resource).
export const WORKSECTION_ACTIONS: Readonly<Record<string, WsAction>> = {
	get_projects: { scope: 'projects_read', run: getProjects },
	get_project: { scope: 'projects_read', run: getProject },
	post_project: { scope: 'projects_write', run: postProject },
	update_project: { scope: 'projects_write', run: updateProject },
	close_project: { scope: 'projects_write', run: closeProject },
	activate_project: { scope: 'projects_write', run: activateProject },
	get_tasks: { scope: 'tasks_read', run: getTasks },
	get_all_tasks: { scope: 'tasks_read', run: getAllTasks },
	get_task: { scope: 'tasks_read', run: getTask },
	post_task: { scope: 'tasks_write', run: postTask },
	update_task: { scope: 'tasks_write', run: updateTask },
	complete_task: { scope: 'tasks_write', run: completeTask },
	reopen_task: { scope: 'tasks_write', run: reopenTask },
	search_tasks: { scope: 'tasks_read', run: searchTasks },
	get_comments: { scope: 'comments_read', run: getComments },
	post_comment: { scope: 'comments_write', run: postComment },
	get_costs: { scope: 'costs_read', run: getCosts },
	add_costs: { scope: 'costs_write', run: addCosts },
	get_users: { scope: 'users_read', run: getUsers },
	me: { userOnly: true, assumption: 'worksection-action-me', run: me },
	get_events: { scope: 'administrative', unscopedWith: 'worksection-unscoped-actions', run: getEvents },
	get_webhooks: { scope: 'administrative', unscopedWith: 'worksection-unscoped-actions', run: getWebhooks },
	add_webhook: { scope: 'administrative', unscopedWith: 'worksection-unscoped-actions', run: addWebhook },
	delete_webhook: { scope: 'administrative', unscopedWith: 'worksection-unscoped-actions', run: deleteWebhook },
};
