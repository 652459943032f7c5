/**
 * The scenarios of the side-by-side benchmark: a contract operation as
 * gridkeeper's clients send it, and the query that asks PostGraphile 4 for the
 * same data in its own schema (PostGraphile names relations after foreign
 * keys and pages with the same Relay connections).
 */

import type { Ids } from './setup';

export interface Scenario {
  name: string;
  operation: string;
  variables: Record<string, unknown>;
  postgraphile: string;
  postgraphileVariables: Record<string, unknown>;
  checkGridkeeper?: (json: any) => void;
  checkPostgraphile?: (json: any) => void;
}

const expectRows = (rows: unknown[] | undefined, min: number) => {
  if (!rows || rows.length < min) throw new Error(`expected at least ${min} rows, got ${rows?.length}`);
};

export function scenarios(ids: Ids): Scenario[] {
  const building = Buffer.from(`Building:${ids.buildingId}`).toString('base64url');
  return [
    {
      name: 'EstateOverview (LH)',
      operation: 'EstateOverview',
      variables: { code: 'LH' },
      postgraphile: `query($code: String!) { communityByCode(code: $code) {
        id code name district
        residentsByCommunityId { totalCount }
        householdsByCommunityId { totalCount }
        gridsByCommunityId(orderBy: [CODE_ASC]) { nodes { id code staffByStewardId { id name role } gridWorkerName buildingsByGridId(orderBy: [CODE_ASC]) { nodes { id code } } } }
        buildingsByCommunityId(first: 10, orderBy: [CODE_ASC, ID_ASC]) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id code floors gridByGridId { code } } } }
        publicSpacesByCommunityId(orderBy: [CODE_ASC]) { nodes { id name kind capacity accessible status } }
      } }`,
      postgraphileVariables: { code: 'LH' },
      checkGridkeeper: (j) => expectRows(j.data.community.grids, 14),
      checkPostgraphile: (j) => expectRows(j.data.communityByCode.gridsByCommunityId.nodes, 14),
    },
    {
      name: 'BuildingHouseholds (first 100, with residents)',
      operation: 'BuildingHouseholds',
      variables: { buildingId: building, first: 100, after: null },
      postgraphile: `query($id: Int!) { buildingById(id: $id) { code
        householdsByBuildingId(first: 100, orderBy: [UNIT_ASC, ID_ASC]) { totalCount pageInfo { hasNextPage endCursor }
          edges { node { id unit floor careNeeds residentsByHouseholdId(orderBy: [ID_ASC]) { nodes { id name } } } } } } }`,
      postgraphileVariables: { id: ids.buildingId },
      checkGridkeeper: (j) => expectRows(j.data.node.households.edges, 100),
      checkPostgraphile: (j) => expectRows(j.data.buildingById.householdsByBuildingId.edges, 100),
    },
    {
      name: 'BuildingTickets (first 50, with relations and last 3 events)',
      operation: 'BuildingTickets',
      variables: { buildingId: building, first: 50, after: null },
      postgraphile: `query($id: Int!) { buildingById(id: $id) { code
        ticketsByBuildingId(first: 50, orderBy: [CREATED_AT_DESC, ID_DESC]) { totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { id number title status priority category createdAt
            householdByHouseholdId { unit careNeeds }
            residentByReporterResidentId { name }
            staffByAssigneeId { name role }
            ticketEventsByTicketId(last: 3, orderBy: [ID_ASC]) { edges { node { type toStatus at } } } } } } } }`,
      postgraphileVariables: { id: ids.buildingId },
      checkGridkeeper: (j) => expectRows(j.data.node.tickets.edges, 50),
      checkPostgraphile: (j) => expectRows(j.data.buildingById.ticketsByBuildingId.edges, 50),
    },
    {
      name: 'Tickets (LH emergencies, first 50)',
      operation: 'Tickets',
      variables: { filter: { communityCodes: ['LH'], priorities: ['EMERGENCY'] }, first: 50 },
      postgraphile: `query($community: Int!) { allTickets(first: 50, orderBy: [CREATED_AT_DESC, ID_DESC], condition: { communityId: $community, priority: "EMERGENCY" }) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id number status priority gridByGridId { code } } } } }`,
      postgraphileVariables: { community: ids.communityId },
      checkGridkeeper: (j) => expectRows(j.data.tickets.edges, 50),
      checkPostgraphile: (j) => expectRows(j.data.allTickets.edges, 50),
    },
  ];
}
