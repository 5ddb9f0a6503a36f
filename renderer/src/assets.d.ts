/** Vite asset URL imports (e.g. the pdf.js worker). */
declare module '*?url' {
  const src: string;
  export default src;
}
