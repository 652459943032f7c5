import crypto from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Building, Community, Grid, Household, PublicSpace, Resident, Staff, type CareNeed } from '../../src/entities';
import { toGlobalId } from '../../src/ids';

/** A code no other test uses: estates are unique per test, so test files can run side by side. */
export function uniqueCode(): string {
  return `T${crypto.randomBytes(4).toString('hex').toUpperCase().slice(0, 7)}`;
}

export interface EstateOptions {
  code?: string;
  buildings?: number;
  householdsPerBuilding?: number;
  residentsPerHousehold?: number;
}

/** What a test needs to address a seeded estate: row ids and global ids. */
export interface Estate {
  code: string;
  community: Community;
  grids: Grid[];
  buildings: Building[];
  households: Household[];
  residents: Resident[];
  staff: { steward: Staff; security: Staff; cleaning: Staff; maintenance: Staff; manager: Staff; dispatcher: Staff };
  spaces: PublicSpace[];
  gid: {
    community: string;
    building: (i?: number) => string;
    household: (i?: number) => string;
    resident: (i?: number) => string;
    staff: (member: keyof Estate['staff']) => string;
  };
}

/**
 * A small estate: one grid with a steward and a 1+3 squad, a manager and a
 * dispatcher, buildings with households (the first one special-care) and
 * residents, two public spaces. Written through the ORM in one flush.
 */
export async function createEstate(orm: MikroORM, options: EstateOptions = {}): Promise<Estate> {
  const em = orm.em.fork();
  const code = options.code ?? uniqueCode();
  const community = em.create(Community, {
    code, name: `Estate ${code}`, district: 'Test District', landAreaM2: 10000, floorAreaM2: 50000,
  });
  const grid = em.create(Grid, { community, code: 'G01', name: 'Grid 1', gridWorkerName: '周敏', gridWorkerPhone: '13800000001' });
  const member = (role: Staff['role'], n: number, inGrid: boolean) => em.create(Staff, {
    community, grid: inGrid ? grid : null, code: `${code}-S${n}`, name: `${role} ${n}`, phone: `1390000000${n}`, role, onDuty: true,
  });
  const staff = {
    steward: member('STEWARD', 1, true),
    security: member('SECURITY', 2, true),
    cleaning: member('CLEANING', 3, true),
    maintenance: member('MAINTENANCE', 4, true),
    manager: member('MANAGER', 5, false),
    dispatcher: member('DISPATCHER', 6, false),
  };
  grid.steward = staff.steward;
  const buildings: Building[] = [];
  const households: Household[] = [];
  const residents: Resident[] = [];
  for (let b = 0; b < (options.buildings ?? 2); b++) {
    const building = em.create(Building, { community, grid, code: `B${String(b + 1).padStart(2, '0')}`, floors: 30 });
    buildings.push(building);
    for (let h = 0; h < (options.householdsPerBuilding ?? 3); h++) {
      const floor = Math.floor(h / 4) + 1;
      const careNeeds: CareNeed[] = households.length === 0 ? ['ELDERLY_LIVING_ALONE'] : [];
      const household = em.create(Household, {
        community, building, unit: `${String(floor).padStart(2, '0')}${String((h % 4) + 1).padStart(2, '0')}`, floor, careNeeds,
      });
      households.push(household);
      for (let r = 0; r < (options.residentsPerHousehold ?? 2); r++) {
        residents.push(em.create(Resident, { community, household, name: `Resident ${households.length}-${r + 1}`, phone: `1370000${String(residents.length).padStart(4, '0')}` }));
      }
    }
  }
  const spaces = [
    em.create(PublicSpace, { community, code: 'PS01', name: 'Activity Room', kind: 'ACTIVITY_ROOM', capacity: 40, accessible: true, status: 'OPEN' }),
    em.create(PublicSpace, { community, code: 'PS02', name: 'Garden', kind: 'GARDEN', capacity: 100, accessible: true, status: 'OPEN' }),
  ];
  await em.flush();
  return {
    code, community, grids: [grid], buildings, households, residents, staff, spaces,
    gid: {
      community: toGlobalId('Community', community.id),
      building: (i = 0) => toGlobalId('Building', buildings[i].id),
      household: (i = 0) => toGlobalId('Household', households[i].id),
      resident: (i = 0) => toGlobalId('Resident', residents[i].id),
      staff: (m) => toGlobalId('Staff', staff[m].id),
    },
  };
}
