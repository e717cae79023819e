import type { Kernel } from '../../core/kernel';
import { installPlaceholder } from '../placeholder';

export function install(kernel: Kernel): void {
  installPlaceholder(kernel, 'properties', ['PropertiesService']);
}
