import { CreatePlatform1795563600000 } from './1795563600000-CreatePlatform.js';

/** Every migration, in order. A unit test checks that no file in this folder is missing here. */
export const migrations = [CreatePlatform1795563600000];
