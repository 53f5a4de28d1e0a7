// The built worker script (src/web/worker.ts) as text: webpack.config.js builds it first and
// resolves this name to the file, read as source (`--env web`).
declare module "zone-rating-web-worker" {
  const source: string;
  export default source;
}
