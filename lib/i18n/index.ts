import { fr, type Messages } from './fr';

/** The active messages. Only French exists today; a locale switch would choose here. */
export const t: Messages = fr;
export type { Messages };
