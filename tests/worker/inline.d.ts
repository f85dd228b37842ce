// Vite's `?inline` import: a file as a `data:` URL (binary test fixtures in tests/fixtures).
declare module '*?inline' {
  const dataUrl: string
  export default dataUrl
}
