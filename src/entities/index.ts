export { Community } from './Community';
export { Grid } from './Grid';
export { Staff, STAFF_ROLES, type StaffRole } from './Staff';
export { Building } from './Building';
export { Household, CARE_NEEDS, type CareNeed } from './Household';
export { Resident } from './Resident';
export { PublicSpace, OpeningHours, PUBLIC_SPACE_KINDS, PUBLIC_SPACE_STATUSES } from './PublicSpace';
export { Booking, BookingChange, BOOKING_STATUSES, BOOKING_CHANGE_TYPES, type BookingStatus, type BookingChangeType } from './Booking';
export {
  ResidentGroup, GroupMember, CommunityEvent, EventRegistration, CommunityEventChange, EventIssue,
  GROUP_THEMES, COMMUNITY_EVENT_KINDS, SERVICE_DAY_KINDS, COMMUNITY_EVENT_STATUSES, REGISTRATION_STATUSES, COMMUNITY_EVENT_CHANGE_TYPES,
  type GroupTheme, type CommunityEventKind, type CommunityEventStatus, type RegistrationStatus, type CommunityEventChangeType,
} from './CommunityLife';
export {
  Ticket, TicketEvent, SlaPolicy, TicketCounter,
  TICKET_STATUSES, TICKET_PRIORITIES, TICKET_CHANNELS, TICKET_CATEGORIES, TICKET_EVENT_TYPES,
  type TicketStatus, type TicketPriority, type TicketChannel, type TicketCategory, type TicketEventType,
} from './Ticket';
export { EventLog, EVENT_KINDS, type EventKind } from './EventLog';
export {
  Dispatch, DispatchUnit, DispatchEvent, DispatchTimer, IncidentResponse,
  INCIDENT_TYPES, DISPATCH_STATUSES, DISPATCH_EVENT_TYPES, UNIT_REASONS, TIMER_KINDS,
  type IncidentType, type DispatchStatus, type DispatchEventType, type UnitReason, type TimerKind,
} from './Dispatch';
export { SatisfactionSurvey, PERIOD_UNITS, type PeriodUnit } from './SatisfactionSurvey';
export {
  CarePlan, CareVisit, CareEvent, CARE_VISIT_KINDS, CARE_OUTCOMES, CARE_EVENT_TYPES,
  type CareVisitKind, type CareOutcome, type CareEventType,
} from './Care';
export {
  PatrolRoute, PatrolCheckpoint, PatrolRun, PatrolPass, PatrolAnomaly, PATROL_RUN_STATUSES, PATROL_PASS_STATUSES, PATROL_ANOMALY_KINDS,
  type PatrolRunStatus, type PatrolPassStatus, type PatrolAnomalyKind,
} from './Patrol';
export { Drill, DrillPolicy, DRILL_KINDS, type DrillKind } from './Drill';
export {
  ResidentOrganisation, OrganisationContact, ReceptionMember, LiaisonMeeting, LiaisonMeetingTicket, TicketEscalation,
  ORGANISATION_KINDS, RECEPTION_ROLES, type OrganisationKind, type ReceptionRole,
} from './Liaison';

import { Community } from './Community';
import { Grid } from './Grid';
import { Staff } from './Staff';
import { Building } from './Building';
import { Household } from './Household';
import { Resident } from './Resident';
import { PublicSpace, OpeningHours } from './PublicSpace';
import { Booking, BookingChange } from './Booking';
import { ResidentGroup, GroupMember, CommunityEvent, EventRegistration, CommunityEventChange, EventIssue } from './CommunityLife';
import { Ticket, TicketEvent, SlaPolicy, TicketCounter } from './Ticket';
import { EventLog } from './EventLog';
import { Dispatch, DispatchUnit, DispatchEvent, DispatchTimer, IncidentResponse } from './Dispatch';
import { SatisfactionSurvey } from './SatisfactionSurvey';
import { CarePlan, CareVisit, CareEvent } from './Care';
import { PatrolRoute, PatrolCheckpoint, PatrolRun, PatrolPass, PatrolAnomaly } from './Patrol';
import { Drill, DrillPolicy } from './Drill';
import { ResidentOrganisation, OrganisationContact, ReceptionMember, LiaisonMeeting, LiaisonMeetingTicket, TicketEscalation } from './Liaison';

/** Every entity the ORM knows; the one list the config and the CLI use. */
export const entities = [Community, Grid, Staff, Building, Household, Resident, PublicSpace, Ticket, TicketEvent, SlaPolicy, TicketCounter, EventLog,
  Dispatch, DispatchUnit, DispatchEvent, DispatchTimer, IncidentResponse, SatisfactionSurvey,
  OpeningHours, Booking, BookingChange, ResidentGroup, GroupMember, CommunityEvent, EventRegistration, CommunityEventChange, EventIssue,
  CarePlan, CareVisit, CareEvent, PatrolRoute, PatrolCheckpoint, PatrolRun, PatrolPass, PatrolAnomaly, Drill, DrillPolicy,
  ResidentOrganisation, OrganisationContact, ReceptionMember, LiaisonMeeting, LiaisonMeetingTicket, TicketEscalation];
