/* Seeded generator of realistic relgraph documents for the benchmarks.
 *
 *   gen DIR               writes DIR/bench-<N>.json for N in 50, 100, 150,
 *                         200, 300, 500, 1000, 10000, 100000
 *                         (about 3 links per actor), DIR/sparse-<N>.json for
 *                         N up to 1000 (1.25 links per actor, the density
 *                         of graphs/opm-2015.json) and
 *                         DIR/small/small-NN.json, 50 charts of 10-25 actors
 *   gen -n N [-s SEED] [-l LINKS_PER_ACTOR]
 *                         writes one document of N actors to stdout
 *
 * The documents look like the analyst charts relgraph is made for (see
 * graphs/opm-2015.json), only bigger: every built-in kind and one declared
 * kind, nested groups (about 60% of actors are in one, none empty), notes, aliases,
 * dates, URLs, tags, sources, link kinds, all five statuses in realistic
 * proportions, quotes, claimed_by / disputed_by, and about 3 links per actor.
 * Links have locality, as in real charts: most stay inside the actor's
 * group or its neighbourhood, some go to hubs (picked in proportion to the
 * links they already have), a few go anywhere. Links refer to actors by id,
 * sometimes by name or alias. Names and aliases are unique by construction,
 * so every document checks cleanly.
 *
 * The output depends only on N and the seed (xorshift64*, no libc rand). */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static uint64_t rng;

static void seed_rng(uint64_t s) { rng = s * 0x9E3779B97F4A7C15ULL + 0x1234567ULL; }

static uint32_t next(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return (uint32_t)((rng * 2685821657736338717ULL) >> 32);
}

static int pick(int n) { return n <= 1 ? 0 : (int)(next() % (uint32_t)n); }
static int chance(int percent) { return pick(100) < percent; }
#define ANY(a) (a)[pick((int)(sizeof(a) / sizeof((a)[0])))]

/* ---- output ---- */

static FILE *out;

static void put(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(out, fmt, ap);
    va_end(ap);
}

/* A JSON string. Generated text is UTF-8 without control characters, but
 * quotes and backslashes are escaped all the same. */
static void jstr(const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

/* ---- vocabulary ---- */

static const char *const syll[] = {"ka", "ro", "mi", "ta", "len", "vo", "shi",
    "an", "der", "zu", "pe", "lin", "ma", "go", "ri", "sen", "ba", "tor",
    "el", "nu", "qi", "har", "do", "ves"};
#define NSYLL ((int)(sizeof(syll) / sizeof(syll[0])))

/* A pronounceable word that is unique for each i (bijective base-24). */
static void word_of(unsigned i, char *buf, size_t cap, int upper)
{
    char tmp[64];
    size_t n = 0;
    unsigned v = i + 1;
    const char *parts[16];
    int np = 0;
    while (v > 0 && np < 16) {
        v -= 1;
        parts[np++] = syll[v % NSYLL];
        v /= NSYLL;
    }
    /* at least two syllables, so that short indexes still look like names */
    if (np == 1)
        parts[np++] = "ra";
    for (int k = np - 1; k >= 0; k--) {
        size_t l = strlen(parts[k]);
        if (n + l + 1 >= sizeof(tmp))
            break;
        memcpy(tmp + n, parts[k], l);
        n += l;
    }
    tmp[n] = 0;
    for (size_t k = 0; k < n; k++)
        if (upper || k == 0)
            tmp[k] = (char)(tmp[k] - 'a' + 'A');
    snprintf(buf, cap, "%s", tmp);
}

static const char *const first_names[] = {"Wei", "Li", "Anna", "James",
    "Maria", "Sergei", "Yuki", "Omar", "Fatima", "John", "Elena", "Kim",
    "Carlos", "Priya", "Ahmed", "Olga", "David", "Mei", "Jean", "Chloé",
    "Jürgen", "Ana", "Robert", "Hyun"};
static const char *const org_suffix[] = {"Foundation", "Institute",
    "Association", "Council", "Society", "Network"};
static const char *const company_suffix[] = {"Holdings", "Group", "Ltd.",
    "Technologies", "Trading Co.", "Energy", "Aluminum", "Systems",
    "Logistics", "Capital"};
static const char *const agency_prefix[] = {"Ministry of", "Bureau of",
    "Office of", "Directorate of", "Department of", "Agency for"};
static const char *const agency_topic[] = {"State Security", "Public Security",
    "Personnel Management", "Justice", "Homeland Security", "Defense",
    "Foreign Affairs", "Commerce", "Signals Intelligence", "Finance"};
static const char *const group_suffix[] = {"Panda", "Bear", "Kitten",
    "Spider", "Chollima", "Team", "Crew", "Unit"};
static const char *const event_kind[] = {"breach", "indictment", "summit",
    "intrusion", "talks", "arrest", "sanctions", "leak", "trial"};
static const char *const document_kind[] = {"report", "indictment",
    "memo", "leaked file", "court filing", "white paper"};
static const char *const system_kind[] = {"network", "database",
    "personnel records", "mail server", "payroll system", "VPN gateway"};
static const char *const location_kind[] = {"Province", "City", "Port",
    "District", "Free Zone"};
static const char *const vessel_kind[] = {"tanker", "freighter", "yacht"};
static const char *const state_kind[] = {"Republic of", "Kingdom of",
    "Federation of", "State of"};

static const char *const kinds[] = {"person", "organization", "company",
    "agency", "state", "group", "event", "document", "system", "location",
    "other", "vessel"};
/* weights in percent, roughly those of real charts (OPM: people, agencies
 * and events first) */
static const int kind_weight[] = {24, 8, 12, 12, 3, 8, 10, 5, 7, 4, 4, 3};

static const char *const note_a[] = {"senior official", "former director",
    "state-owned", "privately held", "suspected front company",
    "main intelligence service", "indicted in absentia", "publicly listed",
    "subsidiary", "contractor", "22.1 million records",
    "civilian; main intelligence agency", "headquartered abroad",
    "dissolved", "named in the report", "under sanctions"};
static const char *const note_b[] = {"", "", "", " since 2009",
    " until 2014", "; reports to the ministry", " (per the indictment)",
    "; denies involvement", " in the early part of the decade",
    "; spokesperson quoted"};

struct lk { const char *kind, *label; };
static const struct lk link_types[] = {
    {"role", "headed"}, {"role", "works for"}, {"role", "advised"},
    {"membership", "member of"}, {"membership", "part of"},
    {"participation", "took part in"}, {"participation", "attended"},
    {"attribution", "blamed for"}, {"attribution", "attributed to"},
    {"reporting", "reported"}, {"reporting", "disclosed"},
    {"theft", "stole from"}, {"theft", "received trade secrets stolen from"},
    {"targeting", "targeted"}, {"targeting", "breached"},
    {"legal", "indicted"}, {"legal", "sanctioned"}, {"legal", "sued"},
    {"diplomacy", "met"}, {"diplomacy", "negotiated with"},
    {"outcome", "led to"}, {"outcome", "resulted in"},
    {"funding", "funded"}, {"ownership", "owns"}};
static const char *const link_kind_names[] = {"role", "membership",
    "participation", "attribution", "reporting", "theft", "targeting",
    "legal", "diplomacy", "outcome", "funding", "ownership"};

static const char *const q_subject[] = {"Officials said", "The report says",
    "According to the indictment,", "A spokesman confirmed that",
    "Investigators believe", "Court documents show that",
    "People familiar with the matter said", "The ministry denied that",
    "Analysts noted that", "The company said in a statement that"};
static const char *const q_middle[] = {"the group", "the agency",
    "the former director", "the unit", "the company", "the delegation",
    "the hackers", "the contractor"};
static const char *const q_verb[] = {"had access to", "was behind",
    "paid for", "met with representatives of", "stole data from",
    "took part in", "was linked to", "coordinated with", "was targeted by",
    "denied any role in"};
static const char *const q_tail[] = {"the networks of several U.S. companies",
    "the personnel records", "the talks in Washington",
    "the breach disclosed last year", "a front company registered in 2012",
    "the so-called \"criminal case\"", "the state-run aluminum company",
    "the intrusion, which began in 2014", "the summit's working group",
    "the theft of 22.1 million records", "a network in Shànghǎi",
    "the sanctions announced in May"};
static const char *const publishers[] = {"Washington Free Beacon",
    "Reuters", "The Washington Post", "South China Morning Post",
    "Financial Times", "Le Monde", "Der Spiegel", "U.S. Department of Justice",
    "Mandiant", "CrowdStrike"};
static const char *const tags[] = {"cyber", "finance", "diplomacy",
    "espionage", "energy", "defense", "sanctions", "watchlist"};
static const char *const statuses[] = {"confirmed", "reported", "alleged",
    "disputed", "denied"};
static const int status_weight[] = {55, 22, 14, 5, 4};

/* A set of link keys, open addressing; key 0 is never used (keys are
 * shifted by one). */
typedef struct keyset {
    uint64_t *slot;
    size_t mask;
} keyset;

/* 1 when key was not in the set (and is now), 0 when it was. */
static int seen_once(keyset *set, uint64_t key)
{
    key++;
    size_t i = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 20) & set->mask;
    while (set->slot[i] != 0) {
        if (set->slot[i] == key)
            return 0;
        i = (i + 1) & set->mask;
    }
    set->slot[i] = key;
    return 1;
}

/* A link's key: its ends in either order (an undirected link is the same
 * either way), its kind and label (its type) and its status. */
static uint64_t link_key(int from, int to, int n, int type, int status)
{
    uint64_t lo = (uint64_t)(from < to ? from : to);
    uint64_t hi = (uint64_t)(from < to ? to : from);
    return ((lo * (uint64_t)n + hi) * 64 + (uint64_t)type) * 8 + (uint64_t)status;
}

static int weighted(const int *w, int n)
{
    int r = pick(100), acc = 0;
    for (int i = 0; i < n; i++) {
        acc += w[i];
        if (r < acc)
            return i;
    }
    return n - 1;
}

static int date(void)
{
    int y = 1995 + pick(28);
    switch (pick(3)) {
    case 0: put("\"%d\"", y); break;
    case 1: put("\"%d-%02d\"", y, 1 + pick(12)); break;
    default: put("\"%d-%02d-%02d\"", y, 1 + pick(12), 1 + pick(28)); break;
    }
    return y;
}

/* ---- one document ---- */

typedef struct actor {
    int kind;
    int group;         /* -1: none */
    int has_alias;
    char name[96];
    char alias[64];
} actor;

static void quote(void)
{
    char q[512];
    int n = snprintf(q, sizeof(q), "%s %s %s %s.", ANY(q_subject),
                     ANY(q_middle), ANY(q_verb), ANY(q_tail));
    if (chance(40) && n > 0 && (size_t)n < sizeof(q))
        snprintf(q + n, sizeof(q) - (size_t)n, " %s %s %s.", ANY(q_subject),
                 ANY(q_middle), ANY(q_verb));
    jstr(q);
}

static void make_name(actor *a, int i)
{
    char w[48], W[48];
    word_of((unsigned)i, w, sizeof(w), 0);
    word_of((unsigned)i, W, sizeof(W), 1);
    a->has_alias = 0;
    switch (a->kind) {
    case 0: /* person */
        snprintf(a->name, sizeof(a->name), "%s %s", ANY(first_names), w);
        if (chance(15)) {
            snprintf(a->alias, sizeof(a->alias), "%c. %s", a->name[0], w);
            a->has_alias = 1;
        }
        return;
    case 1: snprintf(a->name, sizeof(a->name), "%s %s", w, ANY(org_suffix)); break;
    case 2: snprintf(a->name, sizeof(a->name), "%s %s", w, ANY(company_suffix)); break;
    case 3: snprintf(a->name, sizeof(a->name), "%s %s (%s)", ANY(agency_prefix),
                     ANY(agency_topic), w); break;
    case 4: snprintf(a->name, sizeof(a->name), "%s %s", ANY(state_kind), w); break;
    case 5: snprintf(a->name, sizeof(a->name), "%s %s", w, ANY(group_suffix)); break;
    case 6: snprintf(a->name, sizeof(a->name), "%s %s", w, ANY(event_kind)); break;
    case 7: snprintf(a->name, sizeof(a->name), "%s %s", w, ANY(document_kind)); break;
    case 8: snprintf(a->name, sizeof(a->name), "%s %s", w, ANY(system_kind)); break;
    case 9: snprintf(a->name, sizeof(a->name), "%s %s", w, ANY(location_kind)); break;
    case 11: snprintf(a->name, sizeof(a->name), "%s (%s)", w, ANY(vessel_kind)); break;
    default: snprintf(a->name, sizeof(a->name), "%s", w); break;
    }
    if (chance(20)) {
        snprintf(a->alias, sizeof(a->alias), "%s", W);
        a->has_alias = 1;
    }
}

static void ref(const actor *as, int i)
{
    int r = pick(100);
    if (r < 8 && as[i].has_alias)
        jstr(as[i].alias);
    else if (r < 20)
        jstr(as[i].name);
    else
        put("\"a%d\"", i);
}

/* links per actor, times 100 */
static int density = 300;

static void document(int n, uint64_t seed)
{
    seed_rng(seed ^ ((uint64_t)n << 32));
    int nsrc = n / 25 + 3;
    int ng = n / 12 + 1;
    actor *as = calloc((size_t)n + 1, sizeof(*as));
    int *gfirst = calloc((size_t)ng, sizeof(int)), *gcount = calloc((size_t)ng, sizeof(int));
    int *ends = malloc(sizeof(int) * (size_t)(8 * n + 16));
    int max_ends = 8 * n;
    if (as == NULL || gfirst == NULL || gcount == NULL || ends == NULL) {
        fprintf(stderr, "gen: out of memory\n");
        exit(1);
    }

    put("{\n  \"$schema\": \"relgraph.schema.json\",\n  \"relgraph\": 1,\n");
    put("  \"title\": \"Synthetic chart of %d actors (seed %llu)\",\n", n,
        (unsigned long long)seed);
    put("  \"description\": \"Generated by tests/bench/gen.c: actors, groups and "
        "sourced links shaped like an analyst's chart.\",\n");

    put("  \"sources\": [\n");
    for (int s = 0; s < nsrc; s++) {
        char w[48];
        word_of((unsigned)(s * 7 + 3), w, sizeof(w), 0);
        put("    {\"id\": \"src-%d\", \"title\": ", s);
        char t[160];
        snprintf(t, sizeof(t), "%s %s %s", ANY(q_middle), ANY(q_verb), w);
        t[0] = (char)(t[0] - 'a' + 'A');
        jstr(t);
        put(", \"publisher\": ");
        jstr(ANY(publishers));
        put(", \"date\": ");
        (void)date();
        if (chance(70))
            put(", \"url\": \"https://example.org/news/%d?ref=rss&amp=1\"", s);
        put("}%s\n", s + 1 < nsrc ? "," : "");
    }
    put("  ],\n");

    put("  \"kinds\": {\n    \"vessel\": {\"label\": \"ship\", \"shape\": "
        "\"cds\", \"color\": \"#335577\", \"fill\": \"#CCDDEE\"}\n  },\n");
    put("  \"link_kinds\": {\n");
    for (size_t k = 0; k < sizeof(link_kind_names) / sizeof(*link_kind_names); k++)
        put("    \"%s\": {\"label\": \"%s\"}%s\n", link_kind_names[k],
            link_kind_names[k],
            k + 1 < sizeof(link_kind_names) / sizeof(*link_kind_names) ? "," : "");
    put("  },\n");

    /* Who is in which group, first. Actors come in runs of one group
     * (index neighbours are related); each group's first actor is in it,
     * so that no group is empty. */
    int g = 0;
    for (int i = 0; i < n; i++) {
        actor *a = &as[i];
        a->kind = weighted(kind_weight, 12);
        int fresh = i == 0;
        if (i > 0 && chance(8) && g + 1 < ng) {
            g++;
            fresh = 1;
        }
        a->group = fresh || chance(60) ? g : -1;
        if (a->group >= 0 && gcount[g]++ == 0)
            gfirst[g] = i;
    }
    ng = g + 1;

    /* groups: about a third nested under an earlier group, at most 3 deep */
    int *depth = calloc((size_t)ng, sizeof(int));
    put("  \"groups\": [\n");
    for (int g = 0; g < ng; g++) {
        char w[48], label[96];
        word_of((unsigned)(g * 13 + 5), w, sizeof(w), 0);
        static const char *const gl[] = {"government", "intelligence",
            "industry", "hacker groups", "targets", "region", "delegation",
            "investigators"};
        snprintf(label, sizeof(label), "%s %s", w, ANY(gl));
        put("    {\"id\": \"g%d\", \"label\": ", g);
        jstr(label);
        if (g == 2 || (g > 2 && chance(35))) {
            int p = g == 2 ? 0 : g - 1 - pick(g < 6 ? g : 6);
            if (depth[p] < 2) {
                depth[g] = depth[p] + 1;
                put(", \"parent\": \"g%d\"", p);
            }
        }
        if (chance(5))
            put(", \"x-note\": \"reviewed\"");
        put("}%s\n", g + 1 < ng ? "," : "");
    }
    put("  ],\n");
    free(depth);

    /* actors, in group order, so that index neighbours are related */
    put("  \"actors\": [\n");
    for (int i = 0; i < n; i++) {
        actor *a = &as[i];
        make_name(a, i);
        put("    {\"id\": \"a%d\", \"name\": ", i);
        jstr(a->name);
        put(", \"kind\": \"%s\"", kinds[a->kind]);
        if (a->has_alias) {
            put(", \"aliases\": [");
            jstr(a->alias);
            put("]");
        }
        if (a->group >= 0)
            put(", \"group\": \"g%d\"", a->group);
        if (chance(70)) {
            char note[128];
            snprintf(note, sizeof(note), "%s%s", ANY(note_a), ANY(note_b));
            put(", \"note\": ");
            jstr(note);
        }
        if (a->kind == 6 || chance(12)) {
            put(", \"date\": ");
            int y = date();
            if (chance(20))
                put(", \"until\": \"%d\"", y + 1 + pick(5));
        }
        if (chance(10))
            put(", \"url\": \"https://example.org/actors/a%d\"", i);
        if (chance(85)) {
            if (chance(85))
                put(", \"source\": \"src-%d\"", pick(nsrc));
            else
                put(", \"source\": [\"src-%d\", \"src-%d\"]", pick(nsrc), pick(nsrc));
        }
        if (chance(10))
            put(", \"tags\": [\"%s\", \"%s\"]", ANY(tags), ANY(tags));
        put("}%s\n", i + 1 < n ? "," : "");
    }
    put("  ],\n");

    /* links: about 3 per actor, mostly local, some to hubs */
    int nl = (int)((long long)n * density / 100) + pick(n / 10 + 1) - n / 20;
    if (nl < 1)
        nl = 1;
    int nends = 0;
    put("  \"links\": [\n");
    keyset seen_set = {NULL, 0}, *seen = &seen_set;
    size_t cap = 16;
    while (cap < 2 * (size_t)nl)
        cap *= 2;
    seen->slot = calloc(cap, sizeof(uint64_t));
    seen->mask = cap - 1;
    if (seen->slot == NULL) {
        fprintf(stderr, "gen: out of memory\n");
        exit(1);
    }
    for (int k = 0; k < nl; k++) {
        int from, to;
        int r = pick(100);
        from = (r < 25 && nends > 0) ? ends[pick(nends)] : pick(n);
        const actor *fa = &as[from];
        r = pick(100);
        if (r < 45 && fa->group >= 0 && gcount[fa->group] > 1) {
            /* inside the group: its members lie within a window after gfirst */
            int lo = gfirst[fa->group];
            to = lo + pick(gcount[fa->group] * 3 / 2 + 1);
        } else if (r < 75) {
            to = from + pick(41) - 20;           /* the neighbourhood */
        } else if (r < 93 && nends > 0) {
            to = ends[pick(nends)];              /* a hub */
        } else {
            to = pick(n);                        /* anywhere */
        }
        if (to < 0)
            to = -to;
        if (to >= n)
            to = n - 1 - (to - n) % n;
        if (to == from)
            to = (from + 1 + pick(n - 1 > 0 ? n - 1 : 1)) % n;
        if (n == 1)
            to = from;
        /* No two links alike (check warns of a link entered twice): the
         * same ends (either way), kind, label and status move the head on. */
        const struct lk *t = &ANY(link_types);
        int st = weighted(status_weight, 5);
        int labelled = chance(92);
        /* an unlabelled link is its kind alone: the first type of it */
        int type = (int)(t - link_types);
        if (!labelled)
            while (type > 0 && strcmp(link_types[type - 1].kind, t->kind) == 0)
                type--;
        type += labelled ? 0 : 32;
        while (n > 1 && !seen_once(seen, link_key(from, to, n, type, st)))
            to = (to + 1) % n == from ? (to + 2) % n : (to + 1) % n;
        ends[nends++] = from;
        ends[nends++] = to;
        if (nends >= max_ends)
            nends = max_ends - 2;

        put("    {\"from\": ");
        ref(as, from);
        put(", \"to\": ");
        ref(as, to);
        if (labelled)
            put(", \"label\": \"%s\"", t->label);
        put(", \"kind\": \"%s\"", t->kind);
        if (st != 1 || chance(50))
            put(", \"status\": \"%s\"", statuses[st]);
        if (chance(5))
            put(", \"directed\": false");
        if (chance(35)) {
            put(", \"date\": ");
            (void)date();
        }
        if (chance(90))
            put(", \"source\": \"src-%d\"", pick(nsrc));
        if (chance(60)) {
            put(", \"quote\": ");
            quote();
        }
        if (chance(12)) {
            put(", \"claimed_by\": [");
            ref(as, pick(n));
            put("]");
        }
        /* a confirmed link is not disputed (check warns of one that is) */
        if (st == 3 || (chance(3) && st != 0)) {
            put(", \"disputed_by\": [");
            ref(as, pick(n));
            put("]");
        }
        if (chance(2))
            put(", \"x-reviewed\": true");
        put("}%s\n", k + 1 < nl ? "," : "");
    }
    put("  ],\n  \"layout\": {\"direction\": \"LR\"}\n}\n");
    free(seen->slot);
    free(as);
    free(gfirst);
    free(gcount);
    free(ends);
}

static int write_doc(const char *path, int n, uint64_t seed)
{
    char tmp[4096];
    snprintf(tmp, sizeof(tmp), "%s.tmp", path);
    out = fopen(tmp, "w");
    if (out == NULL) {
        fprintf(stderr, "gen: %s: %s\n", tmp, strerror(errno));
        return 1;
    }
    document(n, seed);
    if (fclose(out) != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "-n") == 0) {
        int n = atoi(argv[2]);
        uint64_t seed = 1;
        for (int i = 3; i + 1 < argc; i += 2) {
            if (strcmp(argv[i], "-s") == 0)
                seed = strtoull(argv[i + 1], NULL, 10);
            else if (strcmp(argv[i], "-l") == 0)
                density = (int)(atof(argv[i + 1]) * 100 + 0.5);
        }
        if (n < 1) {
            fprintf(stderr, "gen: N must be at least 1\n");
            return 2;
        }
        out = stdout;
        document(n, seed);
        return fflush(stdout) != 0;
    }
    if (argc != 2) {
        fprintf(stderr, "usage: gen DIR | gen -n N [-s SEED] [-l LINKS_PER_ACTOR]\n");
        return 2;
    }
    static const int sizes[] = {50, 100, 150, 200, 300, 500, 1000, 10000,
                                100000};
    char path[4096];
    mkdir(argv[1], 0777);
    for (size_t i = 0; i < sizeof(sizes) / sizeof(*sizes); i++) {
        snprintf(path, sizeof(path), "%s/bench-%d.json", argv[1], sizes[i]);
        if (write_doc(path, sizes[i], 1))
            return 1;
    }
    /* the same charts at the link density of graphs/opm-2015.json (60 links,
     * 49 actors), for the engine thresholds */
    density = 125;
    for (size_t i = 0; i < 7; i++) {
        snprintf(path, sizeof(path), "%s/sparse-%d.json", argv[1], sizes[i]);
        if (write_doc(path, sizes[i], 1))
            return 1;
    }
    density = 300;
    snprintf(path, sizeof(path), "%s/small", argv[1]);
    mkdir(path, 0777);
    for (int k = 0; k < 50; k++) {
        seed_rng(1000 + (uint64_t)k);
        int n = 10 + pick(16);
        snprintf(path, sizeof(path), "%s/small/small-%02d.json", argv[1], k);
        if (write_doc(path, n, 1000 + (uint64_t)k))
            return 1;
    }
    return 0;
}
