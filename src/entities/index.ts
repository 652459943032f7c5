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

/** Every entity the ORM knows; the one list the config and the CLI use. */
export const entities = [Community, Grid, Staff, Building, Household, Resident, PublicSpace, Ticket, TicketEvent, SlaPolicy, TicketCounter, EventLog,
  Dispatch, DispatchUnit, DispatchEvent, DispatchTimer, IncidentResponse, SatisfactionSurvey,
  OpeningHours, Booking, BookingChange, ResidentGroup, GroupMember, CommunityEvent, EventRegistration, CommunityEventChange, EventIssue];
