import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

// The village rows of every indicator (lib/domain/indicators.ts), computed set-based for many villages per
// statement. Each returns (area_code, period, indicator, breakdown, value) with value > 0: absent = 0.

const OPEN_REFERRAL = Prisma.sql`('SUBMITTED', 'RETURNED', 'APPROVED', 'REFERRED', 'IN_PROGRESS')`;
// Successful outcomes of an application: confirmed, paid, or paid and since ended.
const GRANTED = Prisma.sql`('CONFIRMED', 'RECEIVING', 'ENDED')`;
/** Day and hour histograms stop here so that a village never stores thousands of buckets. */
export const HISTOGRAM_CAP = 365;

/** A China-time calendar date of a timestamptz column. */
const chinaDate = (column: Prisma.Sql) => Prisma.sql`(${column} AT TIME ZONE 'Asia/Shanghai')::date`;

/** Stock indicators: the state of the villages on `today` (China), stored under `period` (its month). */
export function stockRowsSql(villages: string[], today: string, period: string): Prisma.Sql {
  return Prisma.sql`
    WITH v AS (SELECT code FROM admin_areas WHERE code = ANY(${villages}::text[]) AND level = 'VILLAGE' AND valid_to IS NULL),
    c AS (
      SELECT id, area_code, risk_level::text AS risk, school_stage::text AS school, next_visit_on, last_visit_on, hukou_status,
             date_part('year', age(${today}::date, date_of_birth))::int AS age
      FROM children WHERE area_code = ANY(${villages}::text[]) AND status = 'ACTIVE'
    ),
    r AS (SELECT area_code, status::text AS status, due_on FROM referrals WHERE area_code = ANY(${villages}::text[]) AND status IN ${OPEN_REFERRAL}),
    rows (area_code, indicator, breakdown, value) AS (
      -- villages: current villages of admin_areas (1 each)
      SELECT code, 'villages', '', 1::bigint FROM v
      -- villages_with_director: villages with an active VILLAGE_DIRECTOR account
      UNION ALL SELECT code, 'villages_with_director', '', 1::bigint FROM v
        WHERE EXISTS (SELECT 1 FROM users u WHERE u.area_code = v.code AND u.role = 'VILLAGE_DIRECTOR' AND u.is_active)
      -- children: ACTIVE files
      UNION ALL SELECT area_code, 'children', '', count(*) FROM c GROUP BY 1
      -- children by open category (end_date IS NULL), never HIV_AFFECTED; a child counts once per category
      UNION ALL SELECT c.area_code, 'children', 'category:' || cc.category::text, count(DISTINCT c.id)
        FROM c JOIN child_categories cc ON cc.child_id = c.id AND cc.end_date IS NULL AND cc.category <> 'HIV_AFFECTED'
        GROUP BY 1, 3
      -- children by age band on today (China): 0-5, 6-13, 14-17 (domain.md); 18+ in no band
      UNION ALL SELECT area_code, 'children', 'age:' || band, count(*) FROM (
          SELECT area_code, CASE WHEN age < 6 THEN '0-5' WHEN age < 14 THEN '6-13' WHEN age < 18 THEN '14-17' END AS band FROM c) banded
        WHERE band IS NOT NULL GROUP BY 1, 3
      -- children by school stage
      UNION ALL SELECT area_code, 'children', 'school:' || school, count(*) FROM c GROUP BY 1, 3
      -- visits_due: every ACTIVE child is due a visit under the county's policy interval
      UNION ALL SELECT area_code, 'visits_due', '', count(*) FROM c GROUP BY 1
      -- visits_on_time: visited at least once and the next visit (last + policy interval) not yet past
      UNION ALL SELECT area_code, 'visits_on_time', '', count(*) FROM c
        WHERE last_visit_on IS NOT NULL AND (next_visit_on IS NULL OR next_visit_on >= ${today}::date) GROUP BY 1
      -- visits_overdue: next visit date before today; by risk tier (children without a tier only in the total)
      UNION ALL SELECT area_code, 'visits_overdue', '', count(*) FROM c WHERE next_visit_on < ${today}::date GROUP BY 1
      UNION ALL SELECT area_code, 'visits_overdue', 'risk:' || risk, count(*) FROM c
        WHERE next_visit_on < ${today}::date AND risk IS NOT NULL GROUP BY 1, 3
      -- risk: ACTIVE children by current tier
      UNION ALL SELECT area_code, 'risk', 'risk:' || risk, count(*) FROM c WHERE risk IS NOT NULL GROUP BY 1, 3
      -- referrals_open: submitted and not yet closed (SUBMITTED, RETURNED, APPROVED, REFERRED, IN_PROGRESS), by status
      UNION ALL SELECT area_code, 'referrals_open', '', count(*) FROM r GROUP BY 1
      UNION ALL SELECT area_code, 'referrals_open', 'status:' || status, count(*) FROM r GROUP BY 1, 3
      -- referrals_past_deadline: open referrals whose due date is before today
      UNION ALL SELECT area_code, 'referrals_past_deadline', '', count(*) FROM r WHERE due_on < ${today}::date GROUP BY 1
      -- benefit_receiving: entitlements in status RECEIVING, per benefit (benefit_eligible: eligible.ts)
      UNION ALL SELECT area_code, 'benefit_receiving', 'benefit:' || type::text, count(*) FROM entitlements
        WHERE area_code = ANY(${villages}::text[]) AND status = 'RECEIVING' GROUP BY 1, 3
      -- unregistered_backlog: ACTIVE children without a hukou (hukou_status NONE)
      UNION ALL SELECT area_code, 'unregistered_backlog', '', count(*) FROM c WHERE hukou_status = 'NONE' GROUP BY 1
    )
    SELECT area_code, ${period}::date AS period, indicator, breakdown, value FROM rows WHERE value > 0`;
}

/** Flow indicators: events dated (China time) in the months [from, to), one row set per month. */
export function flowRowsSql(villages: string[], from: string, to: string): Prisma.Sql {
  const lo = Prisma.sql`(${from}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  const hi = Prisma.sql`(${to}::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
  const month = (day: Prisma.Sql) => Prisma.sql`date_trunc('month', ${day})::date`;
  return Prisma.sql`
    WITH vis AS (
      SELECT area_code, visited_on,
             array_position(ARRAY['GREEN','BLUE','YELLOW','RED'], risk_level::text) AS rank,
             lag(array_position(ARRAY['GREEN','BLUE','YELLOW','RED'], risk_level::text))
               OVER (PARTITION BY child_id ORDER BY visited_on, created_at, id) AS previous_rank
      FROM visits WHERE area_code = ANY(${villages}::text[])
    ),
    ref AS (
      SELECT area_code, type::text AS type, ${chinaDate(Prisma.sql`submitted_at`)} AS submitted,
             ${chinaDate(Prisma.sql`decided_at`)} AS decided, ${chinaDate(Prisma.sql`resolved_at`)} AS resolved,
             submitted_at, decided_at, resolved_at
      FROM referrals WHERE area_code = ANY(${villages}::text[]) AND submitted_at IS NOT NULL
        AND (submitted_at >= ${lo} OR decided_at >= ${lo} OR resolved_at >= ${lo})
    ),
    rep AS (
      SELECT area_code, created_at, acknowledged_at FROM mandatory_reports
      WHERE area_code = ANY(${villages}::text[]) AND (created_at >= ${lo} OR acknowledged_at >= ${lo})
    ),
    ent AS (
      SELECT area_code, type, status, applied_on, decided_on FROM entitlements
      WHERE area_code = ANY(${villages}::text[]) AND decided_on >= ${from}::date AND decided_on < ${to}::date
    ),
    ses AS (
      SELECT area_code, held_on, children_count, caregivers_count FROM group_sessions
      WHERE area_code = ANY(${villages}::text[]) AND held_on >= ${from}::date AND held_on < ${to}::date
    ),
    rows (area_code, period, indicator, breakdown, value) AS (
      -- visits: visits dated in the month
      SELECT area_code, ${month(Prisma.sql`visited_on`)}, 'visits', '', count(*) FROM vis
        WHERE visited_on >= ${from}::date AND visited_on < ${to}::date GROUP BY 1, 2
      -- risk_moves: visits in the month whose tier is above ("up") or below ("down") the child's previous visit
      UNION ALL SELECT area_code, ${month(Prisma.sql`visited_on`)}, 'risk_moves', CASE WHEN rank > previous_rank THEN 'up' ELSE 'down' END, count(*)
        FROM vis WHERE visited_on >= ${from}::date AND visited_on < ${to}::date AND rank <> previous_rank GROUP BY 1, 2, 4
      -- referrals_made: referrals submitted in the month (drafts never count), by type
      UNION ALL SELECT area_code, ${month(Prisma.sql`submitted`)}, 'referrals_made', '', count(*) FROM ref
        WHERE submitted_at >= ${lo} AND submitted_at < ${hi} GROUP BY 1, 2
      UNION ALL SELECT area_code, ${month(Prisma.sql`submitted`)}, 'referrals_made', 'type:' || type, count(*) FROM ref
        WHERE submitted_at >= ${lo} AND submitted_at < ${hi} GROUP BY 1, 2, 4
      -- referrals_decided: decided (approved or rejected) in the month; days from submission (China dates)
      UNION ALL SELECT area_code, ${month(Prisma.sql`decided`)}, 'referrals_decided', '', count(*) FROM ref
        WHERE decided_at >= ${lo} AND decided_at < ${hi} GROUP BY 1, 2
      UNION ALL SELECT area_code, ${month(Prisma.sql`decided`)}, 'referrals_decided', 'days:' || least(decided - submitted, ${HISTOGRAM_CAP}::int), count(*) FROM ref
        WHERE decided_at >= ${lo} AND decided_at < ${hi} GROUP BY 1, 2, 4
      -- referrals_resolved: resolved_at in the month; days from submission
      UNION ALL SELECT area_code, ${month(Prisma.sql`resolved`)}, 'referrals_resolved', '', count(*) FROM ref
        WHERE resolved_at >= ${lo} AND resolved_at < ${hi} GROUP BY 1, 2
      UNION ALL SELECT area_code, ${month(Prisma.sql`resolved`)}, 'referrals_resolved', 'days:' || least(resolved - submitted, ${HISTOGRAM_CAP}::int), count(*) FROM ref
        WHERE resolved_at >= ${lo} AND resolved_at < ${hi} GROUP BY 1, 2, 4
      -- reports_raised: mandatory reports created in the month
      UNION ALL SELECT area_code, ${month(chinaDate(Prisma.sql`created_at`))}, 'reports_raised', '', count(*) FROM rep
        WHERE created_at >= ${lo} AND created_at < ${hi} GROUP BY 1, 2
      -- reports_acknowledged: acknowledged in the month; whole hours from creation to acknowledgement
      UNION ALL SELECT area_code, ${month(chinaDate(Prisma.sql`acknowledged_at`))}, 'reports_acknowledged', '', count(*) FROM rep
        WHERE acknowledged_at >= ${lo} AND acknowledged_at < ${hi} GROUP BY 1, 2
      UNION ALL SELECT area_code, ${month(chinaDate(Prisma.sql`acknowledged_at`))}, 'reports_acknowledged',
               'hours:' || least(floor(extract(epoch FROM acknowledged_at - created_at) / 3600)::int, ${HISTOGRAM_CAP}::int), count(*) FROM rep
        WHERE acknowledged_at >= ${lo} AND acknowledged_at < ${hi} GROUP BY 1, 2, 4
      -- applications_decided: entitlements with a decision date in the month; days from application
      UNION ALL SELECT area_code, ${month(Prisma.sql`decided_on`)}, 'applications_decided', '', count(*) FROM ent GROUP BY 1, 2
      UNION ALL SELECT area_code, ${month(Prisma.sql`decided_on`)}, 'applications_decided', 'days:' || least(decided_on - applied_on, ${HISTOGRAM_CAP}::int), count(*) FROM ent GROUP BY 1, 2, 4
      -- hukou_registered: HUKOU_REGISTRATION (落户) applications granted in the month
      UNION ALL SELECT area_code, ${month(Prisma.sql`decided_on`)}, 'hukou_registered', '', count(*) FROM ent
        WHERE type = 'HUKOU_REGISTRATION' AND status IN ${GRANTED} GROUP BY 1, 2
      -- school_returned: SCHOOL_RETURN (控辍保学) applications granted in the month
      UNION ALL SELECT area_code, ${month(Prisma.sql`decided_on`)}, 'school_returned', '', count(*) FROM ent
        WHERE type = 'SCHOOL_RETURN' AND status IN ${GRANTED} GROUP BY 1, 2
      -- group_sessions: sessions held in the month; group_attendance: their recorded children and caregivers
      UNION ALL SELECT area_code, ${month(Prisma.sql`held_on`)}, 'group_sessions', '', count(*) FROM ses GROUP BY 1, 2
      UNION ALL SELECT area_code, ${month(Prisma.sql`held_on`)}, 'group_attendance', 'children', sum(children_count)::bigint FROM ses GROUP BY 1, 2
      UNION ALL SELECT area_code, ${month(Prisma.sql`held_on`)}, 'group_attendance', 'caregivers', sum(caregivers_count)::bigint FROM ses GROUP BY 1, 2
    )
    SELECT area_code, period, indicator, breakdown, value FROM rows WHERE value > 0`;
}
