/* The Admiralty grades (see grade.h): their words, their STIX confidence
 * and the advice for a grade written wrong. Tables only; no state. */
#include "grade.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static const char *const letters[] = {"A", "B", "C", "D", "E", "F"};

static const char *const reliability_words[] = {
    "completely reliable", "usually reliable", "fairly reliable",
    "not usually reliable", "unreliable", "reliability cannot be judged"};

static const char *const credibility_words[] = {
    "confirmed by other sources", "probably true", "possibly true",
    "doubtful", "improbable", "truth cannot be judged"};

/* The STIX 2.1 appendix, "Admiralty Credibility": 6 has no confidence. */
static const int confidence_of[] = {90, 70, 50, 30, 10, -1};

const char *rg_grade__reliability_words(char letter)
{
    return letter >= 'A' && letter <= 'F' ? reliability_words[letter - 'A']
                                          : NULL;
}

const char *rg_grade__credibility_words(int n)
{
    return n >= 1 && n <= RG_GRADE_CREDIBILITY_MAX ? credibility_words[n - 1]
                                                   : NULL;
}

const char *rg_grade__reliability(const char *s)
{
    if (s != NULL && s[0] >= 'A' && s[0] <= 'F' && s[1] == '\0')
        return letters[s[0] - 'A'];
    return NULL;
}

static const char scales[] =
    "a source's reliability is a letter from A to F, a link's or actor's "
    "credibility a number from 1 to 6";

const char *rg_grade__reliability_advice(char *buf, size_t size,
                                          const char *s)
{
    char up = (char)toupper((unsigned char)s[0]);
    if (up >= 'A' && up <= 'F' && s[1] == '\0')
        snprintf(buf, size, "write the letter in upper case: did you mean "
                            "\"%c\"?", up);
    else if (up >= 'A' && up <= 'F' && s[1] >= '1' && s[1] <= '6' &&
             s[2] == '\0')
        snprintf(buf, size, "\"%s\" is two grades: give the source "
                            "\"reliability\": \"%c\" and the claims that "
                            "cite it \"credibility\": %c; %s",
                 s, up, s[1], scales);
    else if (s[0] >= '1' && s[0] <= '6' && s[1] == '\0')
        snprintf(buf, size, "%s is a credibility; %s", s, scales);
    else
        snprintf(buf, size, "write one of the letters A to F: A completely "
                            "reliable, B usually, C fairly, D not usually, "
                            "E unreliable, F cannot be judged");
    return buf;
}

const char *rg_grade__credibility_advice(char *buf, size_t size,
                                          const char *s)
{
    char up = (char)toupper((unsigned char)s[0]);
    if (s[0] >= '1' && s[0] <= '6' && s[1] == '\0')
        snprintf(buf, size, "write the number without quotes: %s", s);
    else if (up >= 'A' && up <= 'F' && s[1] >= '1' && s[1] <= '6' &&
             s[2] == '\0')
        snprintf(buf, size, "\"%s\" is two grades: write \"credibility\": "
                            "%c here and \"reliability\": \"%c\" on the "
                            "source; %s", s, s[1], up, scales);
    else if (up >= 'A' && up <= 'F' && s[1] == '\0')
        snprintf(buf, size, "\"%s\" is a source's reliability; %s", s,
                 scales);
    else
        snprintf(buf, size, "write a whole number from 1 to 6: 1 confirmed "
                            "by other sources, 2 probably true, 3 possibly "
                            "true, 4 doubtful, 5 improbable, 6 cannot be "
                            "judged");
    return buf;
}

int rg_grade__confidence(int credibility)
{
    if (credibility < 1 || credibility > RG_GRADE_CREDIBILITY_MAX)
        return -1;
    return confidence_of[credibility - 1];
}

int rg_grade__from_confidence(int confidence)
{
    if (confidence < 0 || confidence > 100)
        return 6;
    if (confidence >= 80)
        return 1;
    return 5 - confidence / 20;
}
