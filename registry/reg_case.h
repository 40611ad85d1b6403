/* reg_case.h - approval cases (命名 · 更名 · 销名) and their legal path.
 *
 * 条例 arts. 11-14: an application is drafted, submitted (the name checks
 * run and their findings are kept with the case), reviewed (专家论证 and
 * 征求意见 recorded, 听证 optional), then approved or rejected; an approved
 * name is announced (公告) and filed (备案), each within 15 days of the
 * approval.  A case can be withdrawn before approval.
 *
 *   draft --submit--> submitted --review--> reviewed --approve--> approved
 *     \                  \                     \--reject--> rejected
 *      \--withdraw--------\--withdraw-----------\--withdraw--> withdrawn
 *   approved --announce--> announced --file--> filed
 *
 * Every transition records who (r->actor) and when (clock_now, which
 * honours DIMING_NOW).  An illegal transition fails with ERR_CONFLICT and
 * the reason.  Approval changes the registry in the caller's transaction:
 * naming creates the place, renaming keeps the place's id and makes the old
 * name a 曾用名, cancellation turns the place historical.
 */
#ifndef DIMING_REG_CASE_H
#define DIMING_REG_CASE_H

#include "common/err.h"
#include "registry/reg.h"
#include "registry/reg_division.h"

/* Days after approval within which 公告 and 备案 are due (条例 arts. 13, 14). */
#define REG_CASE_DUE_DAYS 15

struct reg_case {
	long long id;
	char type[16];             /* naming, renaming, cancellation */
	char state[16];            /* draft, submitted, reviewed, approved, … */
	char division_code[13];    /* normalised */
	long long place_id;        /* the place renamed or cancelled (naming: a
	                            * predecessor, or the place created) */
	char proposed_name[REG_MAX_NAME];
	char current_name[REG_MAX_NAME];  /* the place's name when the case opened */
	char class_code[6];
	char reason[512];
	char applicant[256];
	int has_location;
	double lon, lat;
	char created_by[128], created_at[20];
	char submitted_by[128], reviewed_by[128], approved_by[128];
	char approved_on[11];
	char authority[256], doc_number[128];
	char override_reason[512];
	char announced_on[11], channel[256], filed_on[11];
	long long result_place;    /* the place the approval created or changed */
	/* Derived from approved_on and today. */
	char announce_due[11], file_due[11];
	int overdue;
};

/* What `case new` asks for. */
struct reg_case_new {
	const char *type;          /* naming, renaming, cancellation */
	const char *division;      /* any code form; renaming/cancellation default
	                            * to the place's division */
	long long place_id;        /* required for renaming and cancellation */
	const char *name;          /* required for naming and renaming */
	const char *class_code;    /* required for naming (code, name or alias) */
	const char *reason, *applicant;
	int has_location;
	double lon, lat;
};

/* Open a case in state draft; *id gets its id.  *protect is set when the
 * place to rename is on the protection list (the caller warns).  ERR_INPUT
 * for a missing or bad field, ERR_NOT_FOUND for an unknown place or
 * division, ERR_CONFLICT for a historical place. */
int reg_case_create(struct reg *r, const struct reg_case_new *n, long long *id, int *protect,
		    struct err *e);

/* Read a case (due dates and overdue as of today).  1 found, 0 not, -1. */
int reg_case_get(struct reg *r, long long id, struct reg_case *c, struct err *e);

struct reg_case_event {
	const char *state, *actor, *at, *note;
};
int reg_case_events_each(struct reg *r, long long id,
			 int (*fn)(const struct reg_case_event *, void *), void *arg,
			 struct err *e);

struct reg_case_finding {
	const char *rule, *severity, *message;
	long long other_place;
	const char *other_name;
};
int reg_case_findings_each(struct reg *r, long long id,
			   int (*fn)(const struct reg_case_finding *, void *), void *arg,
			   struct err *e);

struct reg_case_report {
	const char *kind;          /* expert, consultation, assessment, hearing */
	const char *path, *note;
	const char *actor, *at;
};
int reg_case_reports_each(struct reg *r, long long id,
			  int (*fn)(const struct reg_case_report *, void *), void *arg,
			  struct err *e);

/* draft -> submitted: runs the name checks (reg_namecheck.h) on the
 * proposed name and keeps the findings; a protected place being renamed
 * adds a `protected` warning.  *errors, *warnings (may be NULL) count them. */
int reg_case_submit(struct reg *r, long long id, const char *note, long *errors,
		    long *warnings, struct err *e);

/* submitted -> reviewed, with the reports (kind, and path or note each):
 * at least an expert review and a consultation (ERR_CONFLICT otherwise). */
int reg_case_review(struct reg *r, long long id, const struct reg_case_report *reports,
		    int nreports, const char *note, struct err *e);

/* reviewed -> approved.  The approver must not be the submitter or the
 * reviewer.  The checks run again; while a finding of severity error
 * stands the approval is refused (ERR_CONFLICT) unless override_reason is
 * given, which is recorded.  Then the registry changes (see above). */
int reg_case_approve(struct reg *r, long long id, const char *authority,
		     const char *doc_number, const char *override_reason, const char *note,
		     struct err *e);

/* reviewed -> rejected. */
int reg_case_reject(struct reg *r, long long id, const char *note, struct err *e);

/* approved -> announced (公告), with the channel. */
int reg_case_announce(struct reg *r, long long id, const char *channel, const char *note,
		      struct err *e);

/* announced -> filed (备案). */
int reg_case_file(struct reg *r, long long id, const char *note, struct err *e);

/* draft, submitted or reviewed -> withdrawn. */
int reg_case_withdraw(struct reg *r, long long id, const char *note, struct err *e);

/* Cases in id order, only those in state (NULL for all), only overdue
 * ones when overdue_only. */
int reg_case_each(struct reg *r, const char *state, int overdue_only,
		  int (*fn)(const struct reg_case *, void *), void *arg, struct err *e);

/* 1 if s names a state, else 0. */
int reg_case_state_valid(const char *s);

#endif
