import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { JobsService } from './jobs.service';

/** The job queue and the clock; jobs themselves live in their feature folders. */
@Global()
@Module({ providers: [JobsService, Clock], exports: [JobsService, Clock] })
export class JobsModule {}
