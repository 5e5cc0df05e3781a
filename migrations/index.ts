import { CreatePlatform1795563600000 } from './1795563600000-CreatePlatform.js';
import { CreateCases1795563700000 } from './1795563700000-CreateCases.js';
import { CreateReviews1795563800000 } from './1795563800000-CreateReviews.js';
import { CreateAlerts1795563900000 } from './1795563900000-CreateAlerts.js';
import { AddReportIndexes1795564500000 } from './1795564500000-AddReportIndexes.js';
import { AddAlertAcknowledgedNote1795564612000 } from './1795564612000-AddAlertAcknowledgedNote.js';
import { CreditDecidingAgency1795564800000 } from './1795564800000-CreditDecidingAgency.js';
import { PinAuditEventXid1795564921000 } from './1795564921000-PinAuditEventXid.js';
import { AddAuditorWorkbench1795564950000 } from './1795564950000-AddAuditorWorkbench.js';
import { CreatePlaces1795565000000 } from './1795565000000-CreatePlaces.js';
import { CreateVisits1795565100000 } from './1795565100000-CreateVisits.js';
import { AddVisitAlerts1795565200000 } from './1795565200000-AddVisitAlerts.js';
import { AddAccountLifecycle1795565210000 } from './1795565210000-AddAccountLifecycle.js';
import { CreateRecommendations1795566100000 } from './1795566100000-CreateRecommendations.js';
import { AddRecommendationAlerts1795566230000 } from './1795566230000-AddRecommendationAlerts.js';
import { AddRecommendationReportIndexes1795566300000 } from './1795566300000-AddRecommendationReportIndexes.js';
import { CreateInvestigations1795567100000 } from './1795567100000-CreateInvestigations.js';
import { CreateComplaints1795567200000 } from './1795567200000-CreateComplaints.js';
import { AddComplaintAlerts1795567300000 } from './1795567300000-AddComplaintAlerts.js';
import { AddReportRollups1795568100000 } from './1795568100000-AddReportRollups.js';
import { CoverOpenDetentions1795568300000 } from './1795568300000-CoverOpenDetentions.js';
import { CountReviews1795568400000 } from './1795568400000-CountReviews.js';
import { CreateRefreshTokens1795569000000 } from './1795569000000-CreateRefreshTokens.js';

/** Every migration, in order. A unit test checks that no file in this folder is missing here. */
export const migrations = [
  CreatePlatform1795563600000,
  CreateCases1795563700000,
  CreateReviews1795563800000,
  CreateAlerts1795563900000,
  AddReportIndexes1795564500000,
  AddAlertAcknowledgedNote1795564612000,
  CreditDecidingAgency1795564800000,
  PinAuditEventXid1795564921000,
  AddAuditorWorkbench1795564950000,
  CreatePlaces1795565000000,
  CreateVisits1795565100000,
  AddVisitAlerts1795565200000,
  AddAccountLifecycle1795565210000,
  CreateRecommendations1795566100000,
  AddRecommendationAlerts1795566230000,
  AddRecommendationReportIndexes1795566300000,
  CreateInvestigations1795567100000,
  CreateComplaints1795567200000,
  AddComplaintAlerts1795567300000,
  AddReportRollups1795568100000,
  CoverOpenDetentions1795568300000,
  CountReviews1795568400000,
  CreateRefreshTokens1795569000000,
];
