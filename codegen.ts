import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * SDL in schema/ → resolver types in src/generated/. The output is committed;
 * CI regenerates it and fails when it differs.
 */
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context#Context',
        useTypeImports: true,
        useIndexSignature: false,
        enumsAsTypes: true,
        scalars: { DateTime: 'Date | string', Date: 'string', ID: 'string' },
        mappers: {
          Community: '../entities#Community as CommunityModel',
          Building: '../entities#Building as BuildingModel',
          Household: '../entities#Household as HouseholdModel',
          Resident: '../entities#Resident as ResidentModel',
          Grid: '../entities#Grid as GridModel',
          GridWorker: '../entities#Grid as GridWorkerModel',
          Staff: '../entities#Staff as StaffModel',
          PublicSpace: '../entities#PublicSpace as PublicSpaceModel',
          Ticket: '../entities#Ticket as TicketModel',
          TicketRating: '../entities#Ticket as TicketRatingModel',
          TicketEvent: '../entities#TicketEvent as TicketEventModel',
          TicketActor: '../entities#TicketEvent as TicketActorModel',
          TicketConnection: '../services/paging#Connection',
          TicketEventConnection: '../services/paging#Connection',
          BuildingConnection: '../services/paging#Connection',
          HouseholdConnection: '../services/paging#Connection',
          CommunityConnection: '../services/paging#Connection',
          StaffConnection: '../services/paging#Connection',
          Viewer: '../access/viewer#Viewer as ViewerModel',
          Dispatch: '../entities#Dispatch as DispatchModel',
          DispatchUnit: '../entities#DispatchUnit as DispatchUnitModel',
          DispatchEvent: '../entities#DispatchEvent as DispatchEventModel',
          DispatchConnection: '../services/paging#Connection',
          DispatchEventConnection: '../services/paging#Connection',
          CarePlan: '../entities#CarePlan as CarePlanModel',
          CareVisit: '../entities#CareVisit as CareVisitModel',
          CareEvent: '../entities#CareEvent as CareEventModel',
          CareVisitConnection: '../services/paging#Connection',
          PatrolRoute: '../entities#PatrolRoute as PatrolRouteModel',
          PatrolCheckpoint: '../entities#PatrolCheckpoint as PatrolCheckpointModel',
          PatrolRun: '../entities#PatrolRun as PatrolRunModel',
          PatrolPass: '../entities#PatrolPass as PatrolPassModel',
          PatrolAnomaly: '../entities#PatrolAnomaly as PatrolAnomalyModel',
          PatrolRunConnection: '../services/paging#Connection',
          Drill: '../entities#Drill as DrillModel',
          DrillDue: '../services/drills#DrillDue as DrillDueModel',
          DrillConnection: '../services/paging#Connection',
          ResidentOrganisation: '../entities#ResidentOrganisation as ResidentOrganisationModel',
          OrganisationContact: '../entities#OrganisationContact as OrganisationContactModel',
          ReceptionMember: '../entities#ReceptionMember as ReceptionMemberModel',
          LiaisonMeeting: '../entities#LiaisonMeeting as LiaisonMeetingModel',
          LiaisonMeetingConnection: '../services/paging#Connection',
          TicketEscalation: '../entities#TicketEscalation as TicketEscalationModel',
          EstateFigures: '../services/figures#FiguresScope as FiguresScopeModel',
        },
      },
    },
  },
};

export default config;
