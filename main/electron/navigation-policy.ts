import { APP_ENTRY_URL } from './app-protocol'

/**
 * The window never navigates: the renderer is a single page and routes in
 * memory. Every navigation away from the entry page is refused, whatever
 * its scheme, and no new window is ever opened.
 */
export function isNavigationAllowed(url: string): boolean {
  return url === APP_ENTRY_URL
}

/** Permissions (camera, notifications prompts, geolocation...) the page may get: none. */
export function isPermissionAllowed(_permission: string): boolean {
  return false
}
