import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'oversight:public';
/** The route needs no credentials (login, health, docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
