import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app: built into web-dist/, which the Inroads server serves at /. */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../web-dist',
    emptyOutDir: true,
    sourcemap: true,
    // No inline scripts or styles: the server's Content-Security-Policy allows only 'self'.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
});
