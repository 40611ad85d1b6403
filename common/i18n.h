/* i18n.h - gettext for every user-facing message.
 *
 * _() translates now; N_() marks a string for extraction where it is
 * translated later (tables of messages).  The text domain is "diming";
 * cli/main.c binds it at start-up.
 */
#ifndef DIMING_I18N_H
#define DIMING_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
