/* Parsing and validation of what users type: dates, money, ID numbers,
 * credit codes, phone numbers, integers, booleans and free text.
 * Every parser returns NULL when the input is good, else a reason in the
 * user's language ("月份应为1-12"); the caller adds the field name. */
#ifndef UD_PARSE_H
#define UD_PARSE_H

#include <stddef.h>
#include <stdint.h>

#define UD_DATE_SZ 11   /* "YYYY-MM-DD" + NUL */
#define UD_IDNUM_SZ 19
#define UD_CREDIT_SZ 19
#define UD_PHONE_SZ 24
#define UD_TIME_SZ 20   /* "YYYY-MM-DD HH:MM:SS" + NUL */

/* Largest amount accepted anywhere: 100 亿元, far above any real case, far
 * below int64 overflow even when summed over millions of rows. */
#define UD_MONEY_MAX_FEN INT64_C(1000000000000)

/* ---- dates ---- */
int ud_is_leap(int y);
int ud_days_in_month(int y, int m);
/* Accepts 2026-11-26, 2026-1-5, 20261126, 2026/11/26, 2026.11.26,
 * 2026年11月26日. Writes ISO. Years 1900..2999. */
const char *ud_parse_date(const char *in, char out[UD_DATE_SZ]);
/* The ISO date of year y, month m, day d, or why there is no such date
 * (as ud_parse_date says it). */
const char *ud_date_of(int y, int m, int d, char out[UD_DATE_SZ]);
/* Today's date (local time); UNIONDESK_TODAY=YYYY-MM-DD overrides it so that
 * tests are reproducible. */
void ud_today(char out[UD_DATE_SZ]);
/* Current local time "YYYY-MM-DD HH:MM:SS". */
void ud_now(char out[UD_TIME_SZ]);
/* Days since 1970-01-01 for an ISO date (no validation beyond format). */
long ud_date_days(const char *iso);
void ud_date_from_days(long days, char out[UD_DATE_SZ]);
void ud_date_add(const char *iso, long n, char out[UD_DATE_SZ]);
/* "YYYY-MM" → first and last day. */
const char *ud_parse_month(const char *in, char from[UD_DATE_SZ], char to[UD_DATE_SZ]);
const char *ud_parse_year(const char *in, int *year);

/* ---- money, kept in fen ---- */
/* Accepts 1234, 1234.5, 1,234.50, ¥1234, 1234元, 12.5万, 12.5万元.
 * At most 2 decimals of a yuan; negative amounts refused. */
const char *ud_parse_money(const char *in, int64_t *fen);
/* "1,234.50" */
void ud_format_money(int64_t fen, char *out, size_t outsz);
/* "1234.50" (no grouping; for CSV) */
void ud_format_money_plain(int64_t fen, char *out, size_t outsz);
/* The amount in capital Chinese numerals, as documents and receipts
 * write it (the People's Bank's rules): 1234567 fen → 壹万贰仟叁佰肆拾伍元
 * 陆角柒分; 元整 when whole; one 零 for any run of zeros between digits,
 * also across 万 and 亿; 零 after 元 when the 角 is zero and the 分 is not;
 * no 零元 before an amount under a yuan (伍分). Without 人民币 (the caller
 * writes it). Returns 0, or -1 for a negative amount, one of 1e12 yuan or
 * more, or a buffer too small (out is then ""). */
int ud_money_capital(int64_t fen, char *out, size_t outsz);
/* 万元 with two decimals, rounded half up: 12345678 fen → "12.35" */
void ud_format_wan(int64_t fen, char *out, size_t outsz);
/* Ratio as "88.8%" (one decimal, half up); "-" when den is 0. */
void ud_format_percent(int64_t num, int64_t den, char *out, size_t outsz);

/* ---- identity numbers ---- */
/* GB 11643: 18 characters, check digit, real birth date, not in the future.
 * Lower-case x is accepted and stored upper-case. gender gets 'M' or 'F'. */
const char *ud_check_id_number(const char *in, char out[UD_IDNUM_SZ],
                               char *gender, char birth[UD_DATE_SZ]);
char ud_id_check_char(const char *first17);
/* Gender and birth date of an ID number ud_check_id_number has accepted
 * (its output): read off, not checked again. */
void ud_id_number_facts(const char *id, char *gender, char birth[UD_DATE_SZ]);
/* Masks the middle: 330206********1234 */
void ud_mask_id_number(const char *id, char *out, size_t outsz);
/* Masks a phone but its first three and last four: 138****5678. */
void ud_mask_phone(const char *phone, char *out, size_t outsz);
/* GB 32100: 18 characters from the code's alphabet. Returns NULL when the
 * form is good; *check_ok says whether the check character agrees. */
const char *ud_check_credit_code(const char *in, char out[UD_CREDIT_SZ], int *check_ok);
char ud_credit_check_char(const char *first17);

/* Mobile 1[3-9]x 11 digits, or fixed line [0area-]7-8 digits[-ext]. */
const char *ud_parse_phone(const char *in, char out[UD_PHONE_SZ]);

/* ---- numbers and flags ---- */
const char *ud_parse_int(const char *in, int64_t min, int64_t max, int64_t *out);
/* 1/0, yes/no, y/n, true/false, 是/否 */
const char *ud_parse_bool(const char *in, int *out);

/* A search typed as a number: digits, an ID number's last character X
 * allowed (ID number or phone search rather than a name). */
int ud_is_number_query(const char *q);

/* ---- text ---- */
/* Valid UTF-8, no control characters (newline and tab allowed only when
 * multiline), at most maxchars characters. */
const char *ud_check_text(const char *in, int maxchars, int multiline);
/* Trims ASCII and ideographic (U+3000) spaces in place. */
char *ud_trim(char *s);
/* Copies s into out, cut to outsz-1 bytes as snprintf "%s" would, without
 * formatting; returns strlen(s). */
size_t ud_strlcpy(char *out, size_t outsz, const char *s);
/* True when s is NULL or only spaces (ASCII, U+00A0, U+3000), tabs and line breaks. */
int ud_blank(const char *s);

#endif
