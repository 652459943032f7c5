/**
 * The scenarios of the side-by-side benchmark: a contract operation as
 * gridkeeper's clients send it, and the query that asks PostGraphile 5
 * (Amber preset) for the same data in its own schema. Before anything is
 * timed, each pair is run once and the data both answer is compared through
 * `same`: a scenario where the two disagree is not measured.
 */

import { toGlobalId } from '../../src/ids';
import type { Ids } from './setup';

export interface Scenario {
  name: string;
  operation: string;
  /** A document of gridkeeper's own instead of the contract's `operation`. */
  document?: string;
  /** Variables for the next request: fixed, or drawn (a random ticket). */
  variables: () => Record<string, unknown>;
  postgraphile: string;
  postgraphileVariables: (gridkeeperVariables: Record<string, unknown>) => Record<string, unknown>;
  /** The data both must agree on, from each answer, in one shape. */
  same: { gridkeeper: (data: any) => unknown; postgraphile: (data: any) => unknown };
}

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());
const rowIdOf = (globalId: string) => Number(Buffer.from(globalId, 'base64url').toString().split(':')[1]);

export function scenarios(ids: Ids): Scenario[] {
  const building = toGlobalId('Building', ids.buildingId);
  let next = 0;
  const randomTicket = () => ({ id: toGlobalId('Ticket', ids.ticketIds[(next = (next * 7919 + 104729) % ids.ticketIds.length)]) });
  return [
    {
      name: 'EstateOverview (LH)',
      operation: 'EstateOverview',
      variables: () => ({ code: 'LH' }),
      postgraphile: `query($code: String!) { communityByCode(code: $code) {
        rowId code name district
        residentsByCommunityId { totalCount }
        householdsByCommunityId { totalCount }
        gridsByCommunityId(orderBy: [CODE_ASC]) { nodes { rowId code staffByStewardId { rowId name role } gridWorkerName buildingsByGridId(orderBy: [CODE_ASC]) { nodes { rowId code } } } }
        buildingsByCommunityId(first: 10, orderBy: [CODE_ASC, ROW_ID_ASC]) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { rowId code floors gridByGridId { code } } } }
        publicSpacesByCommunityId(orderBy: [CODE_ASC]) { nodes { rowId name kind capacity accessible status } }
      } }`,
      postgraphileVariables: (v) => v,
      same: {
        gridkeeper: ({ community: c }) => [c.code, c.residentCount, c.householdCount,
          c.grids.map((g: any) => [g.code, g.steward?.name, g.gridWorker.name, g.buildings.map((b: any) => b.code)]),
          c.buildings.totalCount, c.buildings.edges.map((e: any) => [e.node.code, e.node.floors, e.node.grid.code]),
          c.publicSpaces.map((s: any) => [s.name, s.kind, s.capacity, s.accessible, s.status])],
        postgraphile: ({ communityByCode: c }) => [c.code, c.residentsByCommunityId.totalCount, c.householdsByCommunityId.totalCount,
          c.gridsByCommunityId.nodes.map((g: any) => [g.code, g.staffByStewardId?.name, g.gridWorkerName, g.buildingsByGridId.nodes.map((b: any) => b.code)]),
          c.buildingsByCommunityId.totalCount, c.buildingsByCommunityId.edges.map((e: any) => [e.node.code, e.node.floors, e.node.gridByGridId.code]),
          c.publicSpacesByCommunityId.nodes.map((s: any) => [s.name, s.kind, s.capacity, s.accessible, s.status])],
      },
    },
    {
      name: 'BuildingHouseholds (busiest LH building, first 20, with residents)',
      operation: 'BuildingHouseholds',
      variables: () => ({ buildingId: building, first: 20, after: null }),
      postgraphile: `query($id: Int!) { buildingByRowId(rowId: $id) { code
        householdsByBuildingId(first: 20, orderBy: [UNIT_ASC, ROW_ID_ASC]) { totalCount pageInfo { hasNextPage endCursor }
          edges { node { rowId unit floor careNeeds residentsByHouseholdId(orderBy: [ROW_ID_ASC]) { nodes { rowId name } } } } } } }`,
      postgraphileVariables: () => ({ id: ids.buildingId }),
      same: {
        gridkeeper: ({ node: b }) => [b.code, b.households.totalCount,
          b.households.edges.map((e: any) => [rowIdOf(e.node.id), e.node.unit, e.node.floor, e.node.careNeeds, e.node.residents.map((r: any) => r.name)])],
        postgraphile: ({ buildingByRowId: b }) => [b.code, b.householdsByBuildingId.totalCount,
          b.householdsByBuildingId.edges.map((e: any) => [e.node.rowId, e.node.unit, e.node.floor, e.node.careNeeds, e.node.residentsByHouseholdId.nodes.map((r: any) => r.name)])],
      },
    },
    {
      name: 'BuildingTickets (busiest LH building, first 20, with relations and last 3 events)',
      operation: 'BuildingTickets',
      variables: () => ({ buildingId: building, first: 20, after: null }),
      postgraphile: `query($id: Int!) { buildingByRowId(rowId: $id) { code
        ticketsByBuildingId(first: 20, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { rowId number title status priority category createdAt
            householdByHouseholdId { unit careNeeds }
            residentByReporterResidentId { name }
            staffByAssigneeId { name role }
            ticketEventsByTicketId(last: 3, orderBy: [ROW_ID_ASC]) { edges { node { type toStatus at } } } } } } } }`,
      postgraphileVariables: () => ({ id: ids.buildingId }),
      same: {
        gridkeeper: ({ node: b }) => [b.code, b.tickets.totalCount, b.tickets.edges.map(({ node: t }: any) => [t.number, t.title, t.status, t.priority, t.category, iso(t.createdAt),
          t.household?.unit ?? null, t.household?.careNeeds ?? null, t.reporter?.name ?? null, t.assignee?.name ?? null, t.assignee?.role ?? null,
          t.timeline.edges.map((e: any) => [e.node.type, e.node.toStatus, iso(e.node.at)])])],
        postgraphile: ({ buildingByRowId: b }) => [b.code, b.ticketsByBuildingId.totalCount, b.ticketsByBuildingId.edges.map(({ node: t }: any) => [t.number, t.title, t.status, t.priority, t.category, iso(t.createdAt),
          t.householdByHouseholdId?.unit ?? null, t.householdByHouseholdId?.careNeeds ?? null, t.residentByReporterResidentId?.name ?? null,
          t.staffByAssigneeId?.name ?? null, t.staffByAssigneeId?.role ?? null,
          t.ticketEventsByTicketId.edges.map((e: any) => [e.node.type, e.node.toStatus, iso(e.node.at)])])],
      },
    },
    {
      name: 'Tickets (LH emergencies, first 50)',
      operation: 'Tickets',
      variables: () => ({ filter: { communityCodes: ['LH'], priorities: ['EMERGENCY'] }, first: 50 }),
      // PostGraphile has no slaBreached: it is asked for the columns gridkeeper computes it from.
      postgraphile: `query($community: Int!) { allTickets(first: 50, orderBy: [CREATED_AT_DESC, ROW_ID_DESC], condition: { communityId: $community, priority: "EMERGENCY" }) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { rowId number status priority responseDueAt resolveDueAt acknowledgedAt resolvedAt closedAt cancelledAt gridByGridId { code } } } } }`,
      postgraphileVariables: () => ({ community: ids.communityId }),
      same: {
        gridkeeper: ({ tickets: c }) => [c.totalCount, c.edges.map(({ node: t }: any) => [t.number, t.status, t.priority, t.grid?.code ?? null])],
        postgraphile: ({ allTickets: c }) => [c.totalCount, c.edges.map(({ node: t }: any) => [t.number, t.status, t.priority, t.gridByGridId?.code ?? null])],
      },
    },
    {
      name: 'Ticket by id (a random LH ticket)',
      operation: 'Ticket',
      variables: randomTicket,
      postgraphile: `query($id: Int!) { ticketByRowId(rowId: $id) { rowId number version status priority channel responseDueAt resolveDueAt acknowledgedAt resolvedAt
        ratingScore ratingComment dispatchByTicketId { rowId status }
        ticketEventsByTicketId(first: 50, orderBy: [ROW_ID_ASC]) { edges { node { type fromStatus toStatus note at } } } } }`,
      postgraphileVariables: (v) => ({ id: rowIdOf(v.id as string) }),
      same: {
        gridkeeper: ({ node: t }) => [t.number, t.version, t.status, t.priority, t.channel, iso(t.responseDueAt), iso(t.resolveDueAt), iso(t.acknowledgedAt), iso(t.resolvedAt),
          t.rating?.score ?? null, t.rating?.comment ?? null, t.dispatch ? [rowIdOf(t.dispatch.id), t.dispatch.status] : null,
          t.timeline.edges.map((e: any) => [e.node.type, e.node.fromStatus, e.node.toStatus, e.node.note, iso(e.node.at)])],
        postgraphile: ({ ticketByRowId: t }) => [t.number, t.version, t.status, t.priority, t.channel, iso(t.responseDueAt), iso(t.resolveDueAt), iso(t.acknowledgedAt), iso(t.resolvedAt),
          t.ratingScore, t.ratingComment, t.dispatchByTicketId ? [t.dispatchByTicketId.rowId, t.dispatchByTicketId.status] : null,
          t.ticketEventsByTicketId.edges.map((e: any) => [e.node.type, e.node.fromStatus, e.node.toStatus, e.node.note, iso(e.node.at)])],
      },
    },
    {
      // No data: what a request costs before any resolver runs (HTTP, token, body, Apollo's pipeline, the answer). Last, on warm servers.
      name: 'Baseline ({ __typename })',
      operation: 'Baseline',
      document: 'query Baseline { __typename }',
      variables: () => ({}),
      postgraphile: 'query Baseline { __typename }',
      postgraphileVariables: () => ({}),
      same: { gridkeeper: (data) => data, postgraphile: (data) => data },
    },
  ];
}
