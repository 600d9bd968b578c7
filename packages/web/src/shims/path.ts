// node:path for the browser bundle: POSIX paths over the in-memory files (pathe, Node's semantics).
import pathe from 'pathe';

export * from 'pathe';
export default pathe;
