import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Community } from './Community';

export const PUBLIC_SPACE_KINDS = [
  'ACTIVITY_ROOM', 'SERVICE_STATION', 'MEETING_ROOM', 'ELEVATED_FLOOR_LOUNGE', 'GARDEN',
  'PAVILION', 'PLAYGROUND', 'SPORTS_AREA', 'DRYING_AREA',
] as const;
export const PUBLIC_SPACE_STATUSES = ['OPEN', 'UNDER_RENOVATION', 'CLOSED'] as const;

/** A shared space of an estate that residents use and, later, book. */
export const PublicSpace = defineEntity({
  name: 'PublicSpace',
  tableName: 'public_space',
  uniques: [{ properties: ['community', 'code'] }],
  checks: [{ name: 'public_space_capacity_check', expression: 'capacity >= 0' }],
  properties: {
    id: p.integer().primary().autoincrement(),
    community: () => p.manyToOne(Community).deleteRule('cascade'),
    code: p.string().length(16),
    name: p.string().length(120),
    kind: p.enum([...PUBLIC_SPACE_KINDS]),
    capacity: p.integer(),
    accessible: p.boolean().default(false),
    status: p.enum([...PUBLIC_SPACE_STATUSES]).default('OPEN'),
  },
});
export type PublicSpace = InferEntity<typeof PublicSpace>;
