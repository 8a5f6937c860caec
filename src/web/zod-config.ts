import { z } from 'zod';

// The strict Content-Security-Policy forbids eval; tell zod not to try it. Imported
// first by main.tsx, so it runs before any schema is built.
z.config({ jitless: true });
