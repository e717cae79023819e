/** Installs every emulated service into a kernel. */
import type { Kernel } from '../core/kernel';
import { install as spreadsheet } from './spreadsheet';
import { install as forms } from './forms';
import { install as script } from './script';
import { install as html } from './html';
import { install as mail } from './mail';
import { install as documents } from './documents';
import { install as drive } from './drive';
import { install as logger } from './logger';
import { install as lock } from './lock';
import { install as properties } from './properties';
import { install as cache } from './cache';
import { install as session } from './session';
import { install as utilities } from './utilities';
import { install as content } from './content';
import { install as charts } from './charts';
import { install as webapp } from './webapp';
import { install as gmail } from './gmail';
import { install as urlfetch } from './urlfetch';

export function installServices(kernel: Kernel): void {
  for (const install of [spreadsheet, forms, script, html, mail, documents, drive, logger, lock, properties, cache, session, utilities, content, charts, webapp, gmail, urlfetch]) {
    install(kernel);
  }
}
