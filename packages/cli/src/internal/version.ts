import pkg from '../../package.json'

/** The package's version, as `servicekit --version` prints it. */
export const version: string = pkg.version
