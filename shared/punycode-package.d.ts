// The `punycode` package ships no types; this is the one function the app uses.
declare module 'punycode/punycode.js' {
  const punycode: { encode(input: string): string };
  export default punycode;
}
