// Kept for the pages outside this folder that still import from here; the people feature's calls live in people.api.ts.
export { useContact, useExplorationOptions, useOrganizationOptions } from './people.api.js';
