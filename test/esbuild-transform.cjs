// Jest transform: strips TypeScript with esbuild, so tests run without ts-jest (which refuses TypeScript 7).
const { transformSync } = require('esbuild');
const { createHash } = require('crypto');

module.exports = {
  process(source, filename) {
    const result = transformSync(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'es2022',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code: result.code };
  },
  getCacheKey(source, filename) {
    return createHash('sha1').update(source).update(filename).update('v1').digest('hex');
  },
};
