/** Contract operations the server implements; each one moves here from PENDING when it lands. */
export const COVERED = [
  'EstateOverview', 'BuildingHouseholds',
  'BuildingTickets', 'Tickets', 'Ticket',
  'SubmitTicket', 'AcknowledgeTicket', 'AssignTicket', 'StartTicket', 'ResolveTicket', 'ReopenTicket', 'CancelTicket', 'RateTicket',
  'RaiseEmergency', 'AcknowledgeDispatch', 'ArriveOnScene', 'ClearDispatch',
  'TicketEvents', 'DispatchEvents',
  'Satisfaction', 'BookSpace',
] as const;

/** Contract operations not implemented yet, listed so that none is silently skipped. */
export const PENDING = [
] as const;
