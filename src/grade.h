/* Grades of the Admiralty (NATO) system: a source's reliability, a
 * letter from A (completely reliable) to F (cannot be judged), and a
 * claim's credibility, a number from 1 (confirmed by other sources) to 6
 * (truth cannot be judged). The words of each grade, their mapping to
 * STIX's confidence (the STIX 2.1 appendix's table), and the reading of
 * a grade written by hand, with the advice a mistake deserves. Tables
 * and pure functions: no state. */
#ifndef RG_GRADE_H
#define RG_GRADE_H

#include <stddef.h>

#define RG_GRADE_CREDIBILITY_MAX 6

/* The words of reliability letter `letter` ("usually reliable"), or NULL
 * when it is not one of A to F. */
const char *rg_grade__reliability_words(char letter);

/* The words of credibility `n` ("probably true"), or NULL outside 1..6. */
const char *rg_grade__credibility_words(int n);

/* The letter as the format stores it ("A".."F", static), or NULL when s is
 * not exactly one of the six upper-case letters. */
const char *rg_grade__reliability(const char *s);

/* What to tell someone who wrote `s` where a reliability letter belongs,
 * into buf ("did you mean \"B\"?" for "b", the two scales explained for
 * "B2" or "2"). Returns buf. */
const char *rg_grade__reliability_advice(char *buf, size_t size,
                                          const char *s);

/* The same for a credibility written as the string `s` ("2", "B2", "A"). */
const char *rg_grade__credibility_advice(char *buf, size_t size,
                                          const char *s);

/* STIX's confidence for credibility n per the STIX 2.1 appendix (1: 90,
 * 2: 70, 3: 50, 4: 30, 5: 10), or -1 for 6 (no confidence) and for a
 * link without a grade (0). */
int rg_grade__confidence(int credibility);

/* The credibility the appendix's table gives a STIX confidence (80-100:
 * 1, 60-79: 2, 40-59: 3, 20-39: 4, 0-19: 5; -1, no confidence: 6). */
int rg_grade__from_confidence(int confidence);

#endif
