/** A folder's name as shown: the special ones in the window's language, the others as the server names them. */
import type { Folder } from '../../../shared/mail-model';
import { t } from '../../i18n/t';

export const folderLabel = (folder: Folder): string => (folder.role === 'other' ? folder.name : t(`reader.role.${folder.role}`));
