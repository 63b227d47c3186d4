/* Seeded generator of a synthetic STIX 2.1 bundle shaped like MITRE
 * ATT&CK Enterprise, for the import benchmarks (tests/bench/README.md).
 *
 *   gen_stix [-p PERCENT] [-s SEED]     the bundle on standard output
 *
 * At -p 100 (the default) it writes about 25,000 objects and 45 MiB, in
 * the proportions of the real bundle: 140 intrusion sets ("Deep Panda" the
 * first, never revoked or deprecated: the benchmark's --focus), 30
 * campaigns, 700 malware, 80 tools, 800 attack patterns (60% of them
 * sub-techniques, with kill_chain_phases and x_mitre_* fields), 44
 * courses of action, 14 tactics, a matrix, 38 data sources and 110 data
 * components, one identity (every object's created_by_ref), a statement
 * and a TLP marking definition (object_marking_refs), an
 * x-mitre-collection listing every object, and about 23,000
 * relationships (uses, mitigates, detects, subtechnique-of,
 * attributed-to, revoked-by). About 5% of attack patterns, 2% of malware
 * and intrusion sets are revoked (each with its revoked-by relationship)
 * and 3% deprecated; relationships other than revoked-by avoid both, as
 * ATT&CK's do. Descriptions, external references (with URLs) and their
 * sizes follow ATT&CK Mobile 17.1. Laid out with a 4-space indent, as
 * MITRE publishes it. PERCENT scales every count of objects (1 gives a
 * bundle of about 200 objects).
 *
 * The output depends only on PERCENT and SEED (splitmix64, no libc rand). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- randomness ---- */

static uint64_t state;

static uint32_t rnd(void)
{
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return (uint32_t)((z ^ (z >> 31)) >> 32);
}

static int below(int n) { return n <= 1 ? 0 : (int)(rnd() % (unsigned)n); }
static int between(int lo, int hi) { return lo + below(hi - lo + 1); }
static int percent(int p) { return below(100) < p; }
#define ONE_OF(a) (a)[below((int)(sizeof(a) / sizeof((a)[0])))]

/* ---- pretty-printed JSON output (4 spaces, as ATT&CK's files) ---- */

static int depth;
static int fresh[16]; /* no member written yet at this depth */

static void newline(void)
{
    putchar('\n');
    for (int i = 0; i < depth * 4; i++)
        putchar(' ');
}

static void quoted(const char *s)
{
    putchar('"');
    for (; *s; s++) {
        if (*s == '\n')
            fputs("\\n", stdout);
        else if (*s == '"' || *s == '\\')
            printf("\\%c", *s);
        else
            putchar(*s);
    }
    putchar('"');
}

/* Starts a member (key may be NULL inside an array). */
static void member(const char *key)
{
    if (!fresh[depth])
        putchar(',');
    fresh[depth] = 0;
    newline();
    if (key != NULL) {
        quoted(key);
        fputs(": ", stdout);
    }
}

static void open_(const char *key, char bracket)
{
    member(key);
    putchar(bracket);
    fresh[++depth] = 1;
}

static void close_(char bracket)
{
    int empty = fresh[depth--];
    if (!empty)
        newline();
    putchar(bracket);
}

static void str(const char *key, const char *value)
{
    member(key);
    quoted(value);
}

/* A member whose value is written as is (numbers, booleans). */
static void raw(const char *key, const char *value)
{
    member(key);
    fputs(value, stdout);
}

/* ---- vocabulary ---- */

static const char *const syl[] = {"ar", "bel", "cor", "dan", "ek", "fal",
    "gor", "hes", "ir", "jun", "kel", "lo", "mar", "nis", "or", "pra", "quel",
    "ros", "sa", "tev", "ul", "vin", "wey", "xo", "yar", "zem"};
static const char *const animals[] = {"Panda", "Bear", "Kitten", "Spider",
    "Chollima", "Tiger", "Buffalo", "Jackal", "Typhoon", "Sandstorm",
    "Blizzard", "Sleet"};
static const char *const words[] = {"adversaries", "may", "use", "the",
    "credentials", "of", "a", "valid", "account", "to", "gain", "access",
    "network", "services", "remote", "execution", "payload", "command",
    "and", "control", "channel", "encrypted", "over", "HTTPS", "registry",
    "keys", "persistence", "scheduled", "task", "lateral", "movement",
    "through", "SMB", "shares", "with", "stolen", "tokens", "spearphishing",
    "attachment", "macro", "documents", "collected", "data", "exfiltrated",
    "to", "cloud", "storage", "via", "PowerShell", "scripts", "in", "memory",
    "loader", "dropped", "DLL", "side-loading", "signed", "binaries",
    "defense", "evasion", "obfuscated", "files", "or", "information",
    "operators", "targeted", "government", "defense", "telecommunications",
    "organizations", "since", "at", "least", "2014"};
static const char *const vendors[] = {"FireEye", "Mandiant", "CrowdStrike",
    "Kaspersky", "Symantec", "ESET", "Trend Micro", "Palo Alto Unit 42",
    "Microsoft", "Cisco Talos", "Secureworks", "Proofpoint", "Check Point",
    "Sophos", "McAfee", "Recorded Future"};
static const char *const months[] = {"January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December"};
static const char *const tactics[] = {"reconnaissance", "resource-development",
    "initial-access", "execution", "persistence", "privilege-escalation",
    "defense-evasion", "credential-access", "discovery", "lateral-movement",
    "collection", "command-and-control", "exfiltration", "impact"};
static const char *const platforms[] = {"Windows", "Linux", "macOS",
    "Network", "Containers", "IaaS", "SaaS", "Office Suite",
    "Identity Provider", "ESXi"};

#define IDENTITY "identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5"
#define STATEMENT "marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168"
#define TLP_WHITE "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"

/* A capitalised made-up word, different for every n (base 26 in
 * syllables, at least two). */
static void coin(char *buf, size_t cap, unsigned n)
{
    char t[64] = "";
    unsigned v = n;
    int count = 0;
    do {
        strncat(t, syl[v % 26], sizeof(t) - strlen(t) - 1);
        v /= 26;
        count++;
    } while (v > 0 || count < 2);
    t[0] = (char)(t[0] - 'a' + 'A');
    snprintf(buf, cap, "%s", t);
}

/* Random prose of about `len` bytes: sentences of the vocabulary, with a
 * paragraph break now and then, Markdown links and citations as ATT&CK
 * writes them. */
static void prose(char *buf, size_t cap, int len, const char *cite)
{
    size_t n = 0;
    int in_sentence = 0;
    buf[0] = 0;
    while ((int)n < len && n + 200 < cap) {
        const char *w = ONE_OF(words);
        if (!in_sentence) {
            if (n > 0)
                n += (size_t)snprintf(buf + n, cap - n, "%s",
                                      percent(15) ? "\n\n" : " ");
            n += (size_t)snprintf(buf + n, cap - n, "%c%s",
                                  w[0] >= 'a' ? w[0] - 'a' + 'A' : w[0],
                                  w + 1);
            in_sentence = 1;
        } else if (percent(3)) {
            char name[64];
            coin(name, sizeof(name), (unsigned)below(5000));
            n += (size_t)snprintf(buf + n, cap - n,
                " [%s](https://attack.mitre.org/software/S%04d)", name,
                below(1200));
        } else {
            n += (size_t)snprintf(buf + n, cap - n, " %s", w);
        }
        if (in_sentence && percent(9)) {
            n += (size_t)snprintf(buf + n, cap - n, ".(Citation: %s)", cite);
            in_sentence = 0;
        }
    }
    if (in_sentence)
        snprintf(buf + n, cap - n, ".");
}

static void uuid(char *buf, size_t cap, const char *type)
{
    uint32_t a = rnd(), b = rnd(), c = rnd(), d = rnd();
    snprintf(buf, cap, "%s--%08x-%04x-4%03x-%04x-%04x%08x", type, a,
             b >> 16, b & 0xfff, (c >> 16 & 0x3fff) | 0x8000, c & 0xffff, d);
}

static void timestamp(char *buf, size_t cap, int y0, int y1)
{
    snprintf(buf, cap, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
             between(y0, y1), between(1, 12), between(1, 28), below(24),
             below(60), below(60), below(1000));
}

/* ---- the objects ---- */

typedef struct obj {
    char id[80];
    char name[160];
    char url[80];
    int revoked, deprecated, sub;
} obj;

enum { IS, CAMPAIGN, MALWARE, TOOL, AP, COA, TACTIC, SRC, DC, NKIND };
static const struct {
    const char *type, *path, *prefix;
    int count, desc, refs;
} kinds[NKIND] = {
    [IS] = {"intrusion-set", "groups", "G", 140, 900, 22},
    [CAMPAIGN] = {"campaign", "campaigns", "C", 30, 700, 10},
    [MALWARE] = {"malware", "software", "S", 700, 450, 5},
    [TOOL] = {"tool", "software", "S", 80, 450, 5},
    [AP] = {"attack-pattern", "techniques", "T", 800, 1200, 7},
    [COA] = {"course-of-action", "mitigations", "M", 44, 500, 2},
    [TACTIC] = {"x-mitre-tactic", "tactics", "TA", 14, 300, 1},
    [SRC] = {"x-mitre-data-source", "datasources", "DS", 38, 200, 1},
    [DC] = {"x-mitre-data-component", NULL, NULL, 110, 600, 0},
};

static obj *objs[NKIND];
static int count[NKIND];
static long written; /* objects written, for the collection */
static char (*all_ids)[80];
static long all_cap;
static char text[16384];

static void remember(const char *id)
{
    if (written < all_cap)
        snprintf(all_ids[written], sizeof(all_ids[0]), "%s", id);
    written++;
}

static void references(const obj *o, int k, int n)
{
    char buf[512], src[160];
    open_("external_references", '[');
    if (o != NULL && kinds[k].path != NULL) {
        open_(NULL, '{');
        str("source_name", "mitre-attack");
        str("url", o->url);
        str("external_id", strrchr(o->url, '/') + 1);
        close_('}');
    }
    for (int i = 0; i < n; i++) {
        const char *v = ONE_OF(vendors);
        int year = between(2012, 2024);
        char w[64];
        coin(w, sizeof(w), (unsigned)below(20000));
        snprintf(src, sizeof(src), "%s %s %d", v, w, year);
        open_(NULL, '{');
        str("source_name", src);
        snprintf(buf, sizeof(buf),
                 "%s. (%d, %s %d). %s %s campaign targets %s \xe2\x80\x98%s"
                 "\xe2\x80\x99. Retrieved %s %d, %d.", v, year,
                 ONE_OF(months), between(1, 28), w, ONE_OF(words),
                 ONE_OF(words), w, ONE_OF(months), between(1, 28), year + 1);
        str("description", buf);
        snprintf(buf, sizeof(buf), "https://www.%s.example/blog/%d/%s-%s",
                 v, year, w, ONE_OF(words));
        for (char *p = buf; *p; p++)
            if (*p == ' ')
                *p = '-';
        str("url", buf);
        close_('}');
    }
    close_(']');
}

static void markings(int with_tlp)
{
    open_("object_marking_refs", '[');
    str(NULL, STATEMENT);
    if (with_tlp)
        str(NULL, TLP_WHITE);
    close_(']');
}

/* The fields every ATT&CK object starts with. */
static void head(const char *type, const char *id, int revoked)
{
    char t[40];
    open_(NULL, '{');
    str("type", type);
    str("spec_version", "2.1");
    str("id", id);
    timestamp(t, sizeof(t), 2017, 2021);
    str("created", t);
    str("created_by_ref", IDENTITY);
    if (revoked)
        raw("revoked", "true");
    remember(id);
}

/* The fields every ATT&CK object ends with (a relationship has no
 * domains and no version). */
static void tail(int deprecated, int relationship)
{
    char t[40];
    timestamp(t, sizeof(t), 2022, 2025);
    str("modified", t);
    str("x_mitre_modified_by_ref", IDENTITY);
    raw("x_mitre_deprecated", deprecated ? "true" : "false");
    if (relationship) {
        str("x_mitre_attack_spec_version", "3.2.0");
        return;
    }
    open_("x_mitre_domains", '[');
    str(NULL, "enterprise-attack");
    close_(']');
    str("x_mitre_version", percent(50) ? "1.0" : "2.1");
    str("x_mitre_attack_spec_version", "3.2.0");
}

static void string_list(const char *key, const char *const *v, int nv, int n)
{
    open_(key, '[');
    int start = below(nv);
    for (int i = 0; i < n && i < nv; i++)
        str(NULL, v[(start + i) % nv]);
    close_(']');
}

/* The fields of one kind that ATT&CK adds to the common ones. */
static void extras(int k, const obj *o)
{
    char buf[4096];
    if (k == IS || k == MALWARE || k == TOOL || k == CAMPAIGN) {
        open_(k == IS || k == CAMPAIGN ? "aliases" : "x_mitre_aliases", '[');
        str(NULL, o->name);
        for (int i = between(0, 4); i > 0; i--) {
            coin(buf, sizeof(buf), (unsigned)below(100000));
            str(NULL, buf);
        }
        close_(']');
    }
    if (k == MALWARE)
        raw("is_family", "true");
    if (k == CAMPAIGN) {
        timestamp(buf, sizeof(buf), 2015, 2019);
        str("first_seen", buf);
        timestamp(buf, sizeof(buf), 2020, 2024);
        str("last_seen", buf);
    }
    if (k == MALWARE || k == TOOL || k == AP || k == SRC)
        string_list("x_mitre_platforms", platforms, 10, between(1, 4));
    if (k == AP) {
        open_("kill_chain_phases", '[');
        for (int i = between(1, 3), t = below(14); i > 0; i--, t = (t + 3) % 14) {
            open_(NULL, '{');
            str("kill_chain_name", "mitre-attack");
            str("phase_name", tactics[t]);
            close_('}');
        }
        close_(']');
        raw("x_mitre_is_subtechnique", o->sub ? "true" : "false");
        prose(buf, sizeof(buf), between(200, 900), "detection");
        str("x_mitre_detection", buf);
        string_list("x_mitre_permissions_required", words, 6, between(0, 2));
    }
    if (k == TACTIC)
        str("x_mitre_shortname", tactics[(o - objs[TACTIC]) % 14]);
    if (k == DC)
        str("x_mitre_data_source_ref",
            objs[SRC][below(count[SRC])].id);
}

static void write_object(int k, obj *o)
{
    char cite[200];
    head(kinds[k].type, o->id, o->revoked);
    int nrefs = kinds[k].refs ? between(0, kinds[k].refs * 2) : 0;
    if (kinds[k].path != NULL || nrefs > 0)
        references(o, k, nrefs);
    markings(k == IS);
    str("name", o->name);
    snprintf(cite, sizeof(cite), "%s %s", ONE_OF(vendors), o->name);
    prose(text, sizeof(text), between(kinds[k].desc / 3,
                                      kinds[k].desc * 5 / 3), cite);
    str("description", text);
    extras(k, o);
    tail(o->deprecated, 0);
    close_('}');
}

static void name_object(int k, int i, obj *o)
{
    char w[64], w2[64];
    coin(w, sizeof(w), (unsigned)(i * 7 + k * 1000));
    coin(w2, sizeof(w2), (unsigned)(i * 13 + 77));
    if (k == IS && i == 0)
        snprintf(o->name, sizeof(o->name), "Deep Panda");
    else if (k == IS)
        snprintf(o->name, sizeof(o->name), "%s %s", w, ONE_OF(animals));
    else if (k == AP && o->sub)
        snprintf(o->name, sizeof(o->name), "%s %s: %s", w2,
                 ONE_OF(words), w);
    else if (k == AP || k == COA || k == DC || k == SRC)
        snprintf(o->name, sizeof(o->name), "%s %s", w,
                 ONE_OF(words));
    else if (k == TACTIC)
        snprintf(o->name, sizeof(o->name), "%s", tactics[i % 14]);
    else
        snprintf(o->name, sizeof(o->name), "%s", w);
    if (kinds[k].path != NULL)
        snprintf(o->url, sizeof(o->url), "https://attack.mitre.org/%s/%s%04d%s",
                 kinds[k].path, kinds[k].prefix, i + 1,
                 o->sub ? ".001" : "");
}

static void make_objects(int pct)
{
    for (int k = 0; k < NKIND; k++) {
        int n = kinds[k].count * pct / 100;
        count[k] = n < 1 ? 1 : n;
        if (k == TACTIC)
            count[k] = 14;
        objs[k] = calloc((size_t)count[k], sizeof(obj));
        if (objs[k] == NULL) {
            fprintf(stderr, "gen_stix: out of memory\n");
            exit(1);
        }
        for (int i = 0; i < count[k]; i++) {
            obj *o = &objs[k][i];
            uuid(o->id, sizeof(o->id), kinds[k].type);
            o->sub = k == AP && percent(60);
            int first = k == IS && i == 0;
            o->revoked = !first && (k == AP ? percent(5)
                                    : (k == IS || k == MALWARE) && percent(2));
            o->deprecated = !first && !o->revoked && k != TACTIC &&
                            percent(3);
            name_object(k, i, o);
        }
    }
}

/* ---- relationships ---- */

static long relationships;

static void relationship(const char *type, const obj *from, const obj *to)
{
    char id[80], cite[200];
    uuid(id, sizeof(id), "relationship");
    head("relationship", id, 0);
    snprintf(cite, sizeof(cite), "%s %s", ONE_OF(vendors), from->name);
    int nrefs = between(0, 2);
    if (nrefs > 0)
        references(NULL, 0, nrefs);
    markings(0);
    if (strcmp(type, "uses") == 0 || strcmp(type, "mitigates") == 0) {
        int n = snprintf(text, sizeof(text), "[%s](%s) %s ", from->name,
                         from->url[0] ? from->url : "https://attack.mitre.org",
                         type);
        prose(text + n, sizeof(text) - (size_t)n, between(20, 200), cite);
        str("description", text);
    }
    str("relationship_type", type);
    str("source_ref", from->id);
    str("target_ref", to->id);
    tail(0, 1);
    close_('}');
    relationships++;
}

/* A random object of kind k that is neither revoked nor deprecated. */
static const obj *live(int k)
{
    for (int tries = 0; tries < 64; tries++) {
        const obj *o = &objs[k][below(count[k])];
        if (!o->revoked && !o->deprecated)
            return o;
    }
    return &objs[k][0];
}

/* n relationships of `type` from each live object of kind `from` to
 * objects of kind `to`, n between lo and hi. */
static void fan_out(const char *type, int from, int to, int lo, int hi)
{
    for (int i = 0; i < count[from]; i++) {
        const obj *o = &objs[from][i];
        if (o->revoked || o->deprecated)
            continue;
        for (int n = between(lo, hi); n > 0; n--)
            relationship(type, o, live(to));
    }
}

static void write_relationships(void)
{
    for (int i = 0; i < count[AP]; i++) {
        const obj *o = &objs[AP][i];
        if (!o->sub || o->revoked || o->deprecated)
            continue;
        const obj *parent = live(AP);
        for (int tries = 0; parent->sub && tries < 64; tries++)
            parent = live(AP);  /* a technique, not a sub-technique */
        if (!parent->sub)
            relationship("subtechnique-of", o, parent);
    }
    fan_out("uses", IS, AP, 10, 80);
    fan_out("uses", IS, MALWARE, 2, 8);
    fan_out("uses", IS, TOOL, 0, 4);
    fan_out("uses", MALWARE, AP, 3, 28);
    fan_out("uses", TOOL, AP, 5, 25);
    fan_out("uses", CAMPAIGN, AP, 10, 30);
    fan_out("uses", CAMPAIGN, MALWARE, 0, 3);
    fan_out("attributed-to", CAMPAIGN, IS, 1, 1);
    fan_out("mitigates", COA, AP, 10, 50);
    fan_out("detects", DC, AP, 5, 35);
    int revocable[] = {IS, MALWARE, AP};
    for (size_t r = 0; r < sizeof(revocable) / sizeof(revocable[0]); r++) {
        int k = revocable[r];
        for (int i = 0; i < count[k]; i++)
            if (objs[k][i].revoked)
                relationship("revoked-by", &objs[k][i], live(k));
    }
}

/* ---- the bundle ---- */

static void fixed_objects(void)
{
    open_(NULL, '{');
    str("type", "identity");
    str("spec_version", "2.1");
    str("id", IDENTITY);
    str("created", "2017-06-01T00:00:00.000Z");
    str("modified", "2025-03-19T15:00:40.855Z");
    str("name", "The MITRE Corporation");
    str("identity_class", "organization");
    markings(0);
    close_('}');
    open_(NULL, '{');
    str("type", "marking-definition");
    str("spec_version", "2.1");
    str("id", STATEMENT);
    str("created", "2017-06-01T00:00:00.000Z");
    str("created_by_ref", IDENTITY);
    str("definition_type", "statement");
    open_("definition", '{');
    str("statement", "Copyright 2015-2025, a made-up publisher of a "
                     "synthetic bundle for relgraph's benchmarks.");
    close_('}');
    close_('}');
    open_(NULL, '{');
    str("type", "marking-definition");
    str("spec_version", "2.1");
    str("id", TLP_WHITE);
    str("created", "2017-01-20T00:00:00.000Z");
    str("definition_type", "tlp");
    str("name", "TLP:WHITE");
    open_("definition", '{');
    str("tlp", "white");
    close_('}');
    close_('}');
    written += 3;
}

static void matrix(void)
{
    char id[80];
    uuid(id, sizeof(id), "x-mitre-matrix");
    head("x-mitre-matrix", id, 0);
    markings(0);
    str("name", "Enterprise ATT&CK");
    str("description", "The tactics and techniques of a synthetic "
                       "enterprise matrix.");
    open_("tactic_refs", '[');
    for (int i = 0; i < count[TACTIC]; i++)
        str(NULL, objs[TACTIC][i].id);
    close_(']');
    tail(0, 0);
    close_('}');
}

/* Last, as it lists every object written before it. */
static void collection(void)
{
    char id[80], t[40];
    uuid(id, sizeof(id), "x-mitre-collection");
    head("x-mitre-collection", id, 0);
    str("name", "Enterprise ATT&CK (synthetic)");
    str("description", "A synthetic bundle of the shape of ATT&CK "
                       "Enterprise, made by relgraph's gen_stix.");
    open_("x_mitre_contents", '[');
    for (long i = 0; i < written - 1 && i < all_cap; i++) {
        open_(NULL, '{');
        str("object_ref", all_ids[i]);
        timestamp(t, sizeof(t), 2022, 2025);
        str("object_modified", t);
        close_('}');
    }
    close_(']');
    tail(0, 0);
    close_('}');
}

int main(int argc, char **argv)
{
    int pct = 100;
    uint64_t seed = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "-p") == 0)
            pct = atoi(argv[i + 1]);
        else if (strcmp(argv[i], "-s") == 0)
            seed = strtoull(argv[i + 1], NULL, 10);
        else
            argc = 0;
    }
    if (argc % 2 != 1 || pct < 1 || pct > 1000) {
        fprintf(stderr, "usage: gen_stix [-p PERCENT] [-s SEED] > bundle.json\n");
        return 2;
    }
    state = seed * 0x2545F4914F6CDD1DULL;
    all_cap = 30000L * pct / 100 + 1000;
    all_ids = calloc((size_t)all_cap, sizeof(all_ids[0]));
    if (all_ids == NULL)
        return 1;
    make_objects(pct);
    char id[80];
    uuid(id, sizeof(id), "bundle");
    fresh[0] = 1;
    putchar('{');
    fresh[++depth] = 1;
    str("type", "bundle");
    str("id", id);
    open_("objects", '[');
    fixed_objects();
    for (int k = 0; k < NKIND; k++)
        for (int i = 0; i < count[k]; i++)
            write_object(k, &objs[k][i]);
    matrix();
    write_relationships();
    collection();
    close_(']');
    close_('}');
    putchar('\n');
    fprintf(stderr, "gen_stix: %ld objects, %ld of them relationships\n",
            written, relationships);
    for (int k = 0; k < NKIND; k++)
        free(objs[k]);
    free(all_ids);
    return ferror(stdout) ? 1 : 0;
}
