/** `npm run icons` (run by `npm run dist`): writes out/icons/, the folder electron-builder.yml takes its icons from. */
import { join } from 'node:path';
import { makeIcons } from './icons';

const root = join(__dirname, '..', '..');
const files = await makeIcons(join(root, 'electron', 'resources', 'icon.svg'), join(root, 'out', 'icons'));
console.log(`icons: ${files.linuxDir}, ${files.ico}, ${files.icns}`);
