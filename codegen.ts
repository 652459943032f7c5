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
        scalars: { DateTime: 'Date | string', Date: { input: 'Date | string', output: 'string' }, ID: 'string' },
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
          Satisfaction: '../services/satisfaction#SatisfactionBucket',
          SatisfactionSurvey: '../entities#SatisfactionSurvey as SatisfactionSurveyModel',
          RecordSurveyPayload: '../services/satisfaction#RecordedSurvey',
          OpeningHours: '../entities#OpeningHours as OpeningHoursModel',
          Booking: '../entities#Booking as BookingModel',
          BookingChange: '../entities#BookingChange as BookingChangeModel',
          BookingConnection: '../services/paging#Connection',
          ResidentGroup: '../entities#ResidentGroup as ResidentGroupModel',
          GroupMember: '../entities#GroupMember as GroupMemberModel',
          GroupMemberConnection: '../services/paging#Connection',
          CommunityEvent: '../entities#CommunityEvent as CommunityEventModel',
          CommunityEventConnection: '../services/paging#Connection',
          EventRegistration: '../entities#EventRegistration as EventRegistrationModel',
          EventRegistrationConnection: '../services/paging#Connection',
          CommunityEventChange: '../entities#CommunityEventChange as CommunityEventChangeModel',
          CommunityEventChangeConnection: '../services/paging#Connection',
          CommunityLifeFigures: '../services/community-figures#Figures',
          SpaceUtilisation: '../services/community-figures#SpaceUtilisationRow',
          EventAttendance: '../services/community-figures#EventAttendanceRow',
          GroupMembership: '../services/community-figures#GroupMembershipRow',
        },
      },
    },
  },
};

export default config;
