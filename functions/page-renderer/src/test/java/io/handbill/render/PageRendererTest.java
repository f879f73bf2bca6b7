package io.handbill.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handbill.fixtures.Fixtures;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.handbill.render.TestEvents.SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRendererTest {
    private final PageRenderer renderer = new PageRenderer(SITE);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void seedEvent_pageShowsEveryFactOfTheOriginal() {
        Document page = eventPage(TestEvents.seed());

        assertThat(page.select("html").attr("lang")).isEqualTo("en-GB");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Leeds DevOps: Kubernetes networking and nanoservices");
        assertThat(page.select("header nav, main, footer")).hasSize(3);
        Element when = page.selectFirst(".facts time");
        assertThat(when.attr("datetime")).isEqualTo("2017-09-26T18:45:00+01:00");
        assertThat(when.text()).isEqualTo("Tuesday 26 September 2017");
        assertThat(page.selectFirst(".facts dd").text())
                .isEqualTo("Tuesday 26 September 2017, 18:45 – 23:00 BST (Europe/London)");

        List<String> agenda = page.select("table.agenda tbody tr").eachText();
        assertThat(agenda).containsExactly(
                "18:45 – 19:15 Doors open, have a chat, make some new devops friends",
                "19:15 – 19:20 Group updates/news/announcements",
                "19:20 – 20:05 Introduction to Kubernetes Pod and Service Networking with Bryan Boreham",
                "20:05 – 20:20 Intermission",
                "20:20 – 21:00 Watch out! The nanoservices are coming with Matthew Clark",
                "21:00 – late Decamp to the Wardrobe");
        assertThat(page.select("table.agenda th[scope=col]").eachText()).containsExactly("Time", "What");
        assertThat(page.select("table.agenda a").eachAttr("href"))
                .containsExactly("#talk-kubernetes-networking", "#talk-nanoservices");

        Element talk = page.getElementById("talk-kubernetes-networking");
        assertThat(talk.selectFirst("h3").text()).isEqualTo("Introduction to Kubernetes Pod and Service Networking");
        assertThat(talk.text()).contains("Container Network Interface (CNI)");
        assertThat(talk.selectFirst("h4 a").attr("href")).isEqualTo("https://www.weave.works/");
        assertThat(talk.selectFirst("h4").text()).isEqualTo("Bryan Boreham");
        assertThat(talk.selectFirst(".position").text()).isEqualTo("Director of Engineering, Weaveworks");
        assertThat(page.getElementById("talk-nanoservices").text())
                .contains("Matthew Clark", "Head of Architecture, BBC", "Olympic Games and UK elections");

        Element venue = page.getElementById("venue-heading").parent();
        assertThat(venue.select(".address span").eachText())
                .containsExactly("Munro House", "Duke Street", "Leeds", "LS9 8AG", "United Kingdom");
        assertThat(venue.selectFirst(".venue-name a").attr("href")).isEqualTo("http://theodi.org/nodes/leeds");
        assertThat(venue.select("a[href^=https://www.openstreetmap.org/]").attr("href"))
                .contains("mlat=53.7965", "mlon=-1.5331");
        assertThat(venue.text()).contains("a short walk from Leeds bus station");

        assertThat(page.select(".sponsors a").attr("href")).isEqualTo("https://www.infinityworks.com/");
        assertThat(page.select(".sponsors li").text()).contains("Refreshments and lodgings for the evening");
        assertThat(page.select(".tickets li").eachText())
                .containsExactly("Eventbrite Free", "meetup.com Free");
        assertThat(page.select(".tickets a").eachAttr("href")).containsExactly(
                "https://leedsdevops-sept-17.eventbrite.co.uk", "https://www.meetup.com/LeedsDevops/events/243226712/");
        assertThat(page.select("a[href=https://tmblr.co/ZdJfSq2PpSK99]").text()).contains("code of conduct");
        assertThat(page.select(".tags li").eachText()).containsExactly("leeds", "devops", "kubernetes",
                "nanoservices");
        assertThat(page.select(".description strong").text()).isEqualTo("Tuesday 26th September");
    }

    @Test
    void seedEvent_topOffersTheFirstTicketAsTheOneButton_andCalendarsInAMenu() {
        Document page = eventPage(TestEvents.seed());

        Element head = page.selectFirst(".event-head");
        assertThat(head.select(".button-primary")).hasSize(1);
        assertThat(head.selectFirst(".button-primary").attr("href"))
                .isEqualTo("https://leedsdevops-sept-17.eventbrite.co.uk");
        assertThat(head.selectFirst(".button-primary").text()).isEqualTo("Get a ticket Free");
        Element menu = head.selectFirst("details.calendar-menu");
        assertThat(menu.selectFirst("summary").text()).isEqualTo("Add to calendar");
        List<String> links = menu.select("a").eachAttr("href");
        assertThat(links).hasSize(4);
        assertThat(links.get(0)).isEqualTo("webcal://events.example.org/events/" + Fixtures.SEED_SLUG + ".ics");
        assertThat(links.get(1)).startsWith("https://calendar.google.com/calendar/render?action=TEMPLATE")
                .contains("dates=20170926T174500Z/20170926T220000Z", "ctz=Europe%2FLondon",
                        "text=Leeds%20DevOps%3A%20Kubernetes");
        assertThat(links.get(2)).startsWith("https://outlook.live.com/calendar/0/deeplink/compose?")
                .contains("startdt=2017-09-26T17%3A45%3A00Z", "enddt=2017-09-26T22%3A00%3A00Z",
                        "subject=Leeds%20DevOps%3A%20Kubernetes");
        assertThat(links.get(3)).isEqualTo(SITE.eventIcsUrl(Fixtures.SEED_SLUG));
        assertThat(menu.select("a[download]")).hasSize(1);
        assertThat(head.select("a[href=#subscribe]")).as("the reminder form is one jump away").hasSize(1);
        Element form = page.selectFirst("#subscribe form");
        assertThat(form.attr("method")).isEqualTo("post");
        assertThat(form.attr("action")).isEqualTo("https://events.example.org/api/subscriptions");
        assertThat(form.select("input[type=email][name=email][required]")).hasSize(1);
        assertThat(form.select("input[type=hidden][name=event]").attr("value")).isEqualTo(Fixtures.SEED_SLUG);
        assertThat(form.select("label[for=subscribe-email]")).hasSize(1);
    }

    @Test
    void eventWithoutTickets_hasNoButtonButStillTheCalendarMenu() {
        Document page = eventPage(TestEvents.seed().toBuilder().draft(d -> d.tickets(List.of())).build());

        assertThat(page.select(".button-primary")).isEmpty();
        assertThat(page.select(".event-head details.calendar-menu")).hasSize(1);
    }

    @Test
    void everyPage_footerSubscribesToTheGroupFeedInEachCalendar() {
        for (Document page : List.of(eventPage(TestEvents.seed()),
                Jsoup.parse(renderer.indexPages(List.of(TestEvents.seed()), TestEvents.NOW).get(0).text()))) {
            Element feed = page.selectFirst("footer #calendar-feed details.calendar-menu");
            assertThat(feed.selectFirst("summary").text()).isEqualTo("Subscribe to the calendar");
            assertThat(feed.select("a").eachAttr("href")).containsExactly(
                    "webcal://events.example.org/calendar.ics",
                    "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fevents.example.org%2Fcalendar.ics",
                    "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fevents.example.org%2Fcalendar.ics"
                            + "&name=Leeds%20DevOps",
                    "https://events.example.org/calendar.ics");
            assertThat(page.select("nav a[href=#calendar-feed]")).hasSize(1);
        }
    }

    @Test
    void seedEvent_headCarriesCanonicalSocialAndStylesheet() {
        Document page = eventPage(TestEvents.seed());
        String url = SITE.eventUrl(Fixtures.SEED_SLUG);

        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(url);
        assertThat(page.select("meta[property=og:url]").attr("content")).isEqualTo(url);
        assertThat(page.select("meta[property=og:title]").attr("content"))
                .isEqualTo("Leeds DevOps: Kubernetes networking and nanoservices · Leeds DevOps");
        assertThat(page.select("meta[property=og:description]").attr("content")).startsWith("After our summer");
        assertThat(page.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(page.select("meta[property=og:image]").attr("content"))
                .matches("https://events\\.example\\.org/events/" + Fixtures.SEED_SLUG + "/card-[0-9a-f]{12}\\.png");
        assertThat(page.select("meta[property=og:image:width]").attr("content")).isEqualTo("1200");
        assertThat(page.select("link[rel=stylesheet]").attr("href")).matches("/assets/site\\.[0-9a-f]{12}\\.css");
        assertThat(page.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo("https://events.example.org/feed.xml");
    }

    @Test
    void seedEvent_jsonLdMeetsGoogleEventRequirements() throws Exception {
        JsonNode ld = jsonLd(eventPage(TestEvents.seed()));

        assertThat(ld.path("@context").asText()).isEqualTo("https://schema.org");
        assertThat(ld.path("@type").asText()).isEqualTo("Event");
        assertThat(ld.path("name").asText()).isEqualTo("Leeds DevOps: Kubernetes networking and nanoservices");
        assertThat(ld.path("startDate").asText()).isEqualTo("2017-09-26T18:45:00+01:00");
        assertThat(ld.path("endDate").asText()).isEqualTo("2017-09-26T23:00:00+01:00");
        assertThat(ld.path("eventStatus").asText()).isEqualTo("https://schema.org/EventScheduled");
        assertThat(ld.path("eventAttendanceMode").asText())
                .isEqualTo("https://schema.org/OfflineEventAttendanceMode");
        assertThat(ld.path("description").asText()).startsWith("After our summer break");
        JsonNode location = ld.path("location");
        assertThat(location.path("@type").asText()).isEqualTo("Place");
        assertThat(location.path("name").asText()).isEqualTo("The ODI Node Leeds");
        assertThat(location.path("address").path("@type").asText()).isEqualTo("PostalAddress");
        assertThat(location.path("address").path("streetAddress").asText()).isEqualTo("Munro House, Duke Street");
        assertThat(location.path("address").path("addressLocality").asText()).isEqualTo("Leeds");
        assertThat(location.path("address").path("postalCode").asText()).isEqualTo("LS9 8AG");
        assertThat(location.path("address").path("addressCountry").asText()).isEqualTo("United Kingdom");
        assertThat(ld.path("offers")).hasSize(2);
        for (JsonNode offer : ld.path("offers")) {
            assertThat(offer.path("@type").asText()).isEqualTo("Offer");
            assertThat(offer.path("price").asText()).isEqualTo("0");
            assertThat(offer.path("priceCurrency").asText()).isEqualTo("GBP");
            assertThat(offer.path("url").asText()).startsWith("https://");
            assertThat(offer.path("availability").asText()).isEqualTo("https://schema.org/InStock");
        }
        assertThat(ld.path("performer").findValuesAsText("name")).contains("Bryan Boreham", "Matthew Clark");
        assertThat(ld.path("performer").get(0).path("@type").asText()).isEqualTo("Person");
        assertThat(ld.path("organizer").path("@type").asText()).isEqualTo("Organization");
        assertThat(ld.path("organizer").path("name").asText()).isEqualTo("Leeds DevOps");
        assertThat(ld.path("organizer").path("url").asText()).isEqualTo("https://events.example.org/");
        assertThat(ld.has("previousStartDate")).isFalse();
    }

    @Test
    void cancelledEvent_keepsPageWithBannerAndReason() throws Exception {
        Event cancelled = TestEvents.seed().cancel("The venue has flooded.", TestEvents.NOW);

        Document page = eventPage(cancelled);

        assertThat(page.selectFirst("main .notice-cancelled").text()).isEqualTo("Cancelled. The venue has flooded.");
        assertThat(page.title()).startsWith("Cancelled: Leeds DevOps");
        assertThat(page.select("form")).isEmpty();
        assertThat(jsonLd(page).path("eventStatus").asText()).isEqualTo("https://schema.org/EventCancelled");
    }

    @Test
    void cancelledEvent_offersNoCalendarGoogleOrTicketLinks() throws Exception {
        Event seed = TestEvents.seed();
        Event cancelled = seed.cancel("The venue has flooded.", TestEvents.NOW);

        Document page = eventPage(cancelled);

        assertThat(eventPage(seed).select("a[href*=calendar.google.com], a[href$=.ics], a[href*=eventbrite]"))
                .as("the live event offers them").isNotEmpty();
        assertThat(page.select("main a[href*=calendar.google.com]")).isEmpty();
        assertThat(page.select("main a[href$=.ics]")).isEmpty();
        for (var ticket : seed.tickets()) {
            assertThat(page.select("a[href=\"" + ticket.url() + "\"]")).isEmpty();
        }
        assertThat(page.text()).doesNotContain("Add to calendar", "Add to Google Calendar");
    }

    @Test
    void subscribeForm_saysItSubscribesToAllTheGroupsMail() throws Exception {
        Document page = eventPage(TestEvents.seed());

        assertThat(page.selectFirst(".subscribe").text()).contains("all of Leeds DevOps's event mail");
        assertThat(page.selectFirst(".subscribe button[type=submit]").text()).isEqualTo("Subscribe to all event mail");
    }

    @Test
    void movedEvent_isRescheduledWithPreviousStartDate() throws Exception {
        Event seed = TestEvents.seed();
        EventDraft d = seed.draft();
        Event moved = seed.edit(d.toBuilder().start(d.start().plusDays(7)).end(d.end().plusDays(7)).build(),
                TestEvents.NOW);

        Document page = eventPage(moved);
        JsonNode ld = jsonLd(page);

        assertThat(ld.path("eventStatus").asText()).isEqualTo("https://schema.org/EventRescheduled");
        assertThat(ld.path("previousStartDate").asText()).isEqualTo("2017-09-26T18:45:00+01:00");
        assertThat(ld.path("startDate").asText()).isEqualTo("2017-10-03T18:45:00+01:00");
        assertThat(page.selectFirst(".notice-moved").text())
                .isEqualTo("New date. This event has moved from Tuesday 26 September 2017 at 18:45 BST.");
    }

    @Test
    void openEndedEvent_saysFromItsStart_andTellsSearchEnginesNoEnd() throws Exception {
        Event seed = TestEvents.seed();
        Event open = seed.toBuilder().draft(d -> d.openEnded(true)).build();

        Document page = eventPage(open);

        assertThat(page.selectFirst(".facts dd").text())
                .isEqualTo("Tuesday 26 September 2017, from 18:45 BST (Europe/London)");
        assertThat(page.selectFirst(".facts time[data-local-time]").hasAttr("data-end")).isFalse();
        JsonNode ld = jsonLd(page);
        assertThat(ld.has("endDate")).isFalse();
        assertThat(ld.path("startDate").asText()).isEqualTo("2017-09-26T18:45:00+01:00");
    }

    @Test
    void draft_isNeverRendered() {
        Event draft = Event.create("d1", Fixtures.seedDraft().withSlug("draft"), Instant.EPOCH);

        assertThatThrownBy(() -> renderer.eventPages(draft)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aliases_getARedirectPageWhereTheOldPathResolves() {
        List<SiteObject> objects = renderer.eventPages(TestEvents.seed());
        String target = SITE.eventUrl(Fixtures.SEED_SLUG);

        assertThat(objects).extracting(SiteObject::key).containsExactly("events/" + Fixtures.SEED_SLUG + "/index.html",
                "post/165145694230/meetup-tuesday-26th-september-2017-at-the-odi/index.html");
        SiteObject redirect = objects.get(1);
        Document page = Jsoup.parse(redirect.text());
        assertThat(redirect.contentType()).isEqualTo("text/html;charset=utf-8");
        assertThat(redirect.redirectTo()).isEqualTo(target);
        assertThat(page.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("0; url=" + target);
        assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo(target);
        assertThat(page.select("main a").attr("href")).isEqualTo(target);
    }

    @Test
    void aliasWithAnExtension_isStoredUnderItsOwnName_andUnsafeAliasesAreSkipped() {
        Event seed = TestEvents.seed();
        Event withAliases = seed.edit(seed.draft().toBuilder()
                .aliases(List.of("/old/meetup.html", "/../etc", "/events/other")).build(), TestEvents.NOW);

        assertThat(renderer.eventPages(withAliases)).extracting(SiteObject::key)
                .containsExactly("events/" + Fixtures.SEED_SLUG + "/index.html", "old/meetup.html");
    }

    @Test
    void furniture_isAHashedImmutableStylesheetRobotsAnd404() {
        List<SiteObject> furniture = renderer.furniture();

        SiteObject css = furniture.get(0);
        assertThat(css.key()).matches("assets/site\\.[0-9a-f]{12}\\.css");
        assertThat(css.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
        assertThat(css.text()).contains("prefers-color-scheme: dark", "@media (max-width");
        assertThat(furniture.get(1).text()).contains("Sitemap: https://events.example.org/sitemap.xml");
        assertThat(furniture.get(1).contentType()).isEqualTo("text/plain;charset=utf-8");
        assertThat(Jsoup.parse(furniture.get(2).text()).selectFirst("h1").text()).isEqualTo("Page not found");
        assertThat(furniture.get(2).cacheControl()).isEqualTo("public, max-age=300");
        assertThat(Jsoup.parse(furniture.get(2).text()).selectFirst("link[rel=icon]").attr("href"))
                .isEqualTo("/favicon.svg");
        assertThat(furniture.get(3).key()).isEqualTo("favicon.svg");
        assertThat(furniture.get(3).contentType()).isEqualTo("image/svg+xml");
        assertThat(furniture.get(3).text()).startsWith("<svg");
        assertThat(furniture.get(4).key()).isEqualTo("assets/rsvp.js");
        assertThat(furniture.get(4).text()).contains("data-availability", "places left");
        SiteObject localTime = furniture.get(5);
        assertThat(localTime.key()).matches("assets/localtime\\.[0-9a-f]{12}\\.js");
        assertThat(localTime.key()).contains(localTime.sha256().substring(0, 12));
        assertThat(localTime.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
        assertThat(localTime.contentType()).startsWith("text/javascript");
        assertThat(localTime.text()).contains("time[data-local-time]", "your time.");
    }

    @Test
    void eventPage_givesTheScriptBothInstants_andWithoutItSaysOnlyTheEventsOwnTime() {
        Document page = eventPage(TestEvents.seed());

        Element when = page.selectFirst(".facts time[data-local-time]");
        assertThat(when.attr("datetime")).isEqualTo("2017-09-26T18:45:00+01:00");
        assertThat(when.attr("data-end")).isEqualTo("2017-09-26T23:00:00+01:00");
        // the script is a file of its own (the CSP allows no inline script), deferred, named by its hash
        String script = "/" + renderer.furniture().get(5).key();
        assertThat(page.select("head script[src]").eachAttr("src")).containsExactly(script);
        assertThat(page.selectFirst("head script[src]").hasAttr("defer")).isTrue();
        assertThat(page.select(".local-time")).isEmpty();
        assertThat(page.text()).doesNotContain("your time");
    }

    @Test
    void index_marksUpcomingStartsForTheReadersLocalTime_notPastOnes_andLoadsTheScriptOnlyThen() {
        Event past = TestEvents.published("p1", "2017-08-01-summer", "Summer social",
                java.time.LocalDateTime.parse("2017-08-01T18:30:00"));
        List<SiteObject> pages = renderer.indexPages(List.of(TestEvents.seed(), past), TestEvents.NOW);
        Document index = Jsoup.parse(pages.get(0).text());

        assertThat(index.select("time[data-local-time]").eachAttr("datetime"))
                .containsExactly("2017-09-26T18:45:00+01:00");
        assertThat(index.select("head script[src]").eachAttr("src"))
                .containsExactly("/" + renderer.furniture().get(5).key());
        Document onlyPast = Jsoup.parse(renderer.indexPages(List.of(past), TestEvents.NOW).get(0).text());
        assertThat(onlyPast.select("time[data-local-time], script[src]")).isEmpty();
    }

    @Test
    void hostileText_isInertInPagesAndJsonLd_andFeedsStayWellFormed() throws Exception {
        Event hostile = TestEvents.hostile();
        List<Event> site = List.of(hostile, TestEvents.seed());

        for (SiteObject page : renderer.eventPages(hostile)) {
            HtmlSafety.assertInert(Jsoup.parse(page.text()));
        }
        HtmlSafety.assertInert(Jsoup.parse(renderer.indexPages(site, TestEvents.NOW).get(0).text()));
        Document page = eventPage(hostile);
        assertThat(page.selectFirst("h1").text()).isEqualTo(TestEvents.XSS);
        assertThat(page.selectFirst(".notice-cancelled").text()).isEqualTo("Cancelled. " + TestEvents.XSS);
        assertThat(page.select(".speaker h4 a, .sponsors a, .venue-name a")).as("unsafe links dropped").isEmpty();
        Event goingAhead = hostile.toBuilder().status(io.handbill.model.EventStatus.PUBLISHED).cancelReason(null)
                .build();
        assertThat(eventPage(goingAhead).select(".tickets a").eachAttr("href"))
                .as("a cancelled event shows no tickets; the same event going ahead keeps only the safe link")
                .containsExactly("https://tickets.example/?q=%22%3E");
        assertThat(page.select(".description").text()).contains("styled").doesNotContain("alert(4)");
        JsonNode ld = jsonLd(page);
        assertThat(ld.path("name").asText()).isEqualTo(TestEvents.XSS);
        assertThat(ld.path("location").path("name").asText()).isEqualTo(TestEvents.XSS);
        assertThat(ld.path("performer").get(0).has("url")).isFalse();
        org.w3c.dom.Document feed = XmlCheck.parse(renderer.feed(site).text());
        assertThat(feed.getElementsByTagName("title").item(1).getTextContent())
                .isEqualTo("Cancelled: " + TestEvents.XSS);
        XmlCheck.parse(renderer.sitemap(site, 1).text());
    }

    @Test
    void descriptionMarkdown_keepsSafeMarkupAndHeadingsSitBelowThePage() {
        String html = Markdown.toHtml("# Plan\n\n*Bring* [a friend](https://example.org) "
                + "<a href=\"javascript:x()\">bad</a> <span onclick=\"x()\">s</span>\n\n"
                + "<iframe src=\"https://evil.example\"></iframe><script>x()</script>", 2).html();

        Document fragment = Jsoup.parseBodyFragment(html);
        assertThat(fragment.select("h3").text()).isEqualTo("Plan");
        assertThat(fragment.select("h1, h2")).isEmpty();
        assertThat(fragment.select("em").text()).isEqualTo("Bring");
        assertThat(fragment.select("a[href]").eachAttr("href")).containsExactly("https://example.org");
        assertThat(fragment.select("iframe, script, [onclick]")).isEmpty();
    }

    @Test
    void index_listsUpcomingSoonestFirstThenPastByYearNewestFirst_andPaginates() {
        List<Event> events = new java.util.ArrayList<>();
        for (int i = 0; i < PageRenderer.PAGE_SIZE + 3; i++) {
            events.add(TestEvents.published("p" + i, "past-" + i, "Past " + i,
                    java.time.LocalDateTime.parse("2016-11-01T18:30:00").plusWeeks(i)));
        }
        events.add(TestEvents.published("u2", "later", "Later", java.time.LocalDateTime.parse("2017-12-05T18:30:00")));
        events.add(TestEvents.published("u1", "sooner", "Sooner", java.time.LocalDateTime.parse("2017-10-03T18:30:00")));

        List<SiteObject> pages = renderer.indexPages(events, TestEvents.NOW);

        assertThat(pages).extracting(SiteObject::key).containsExactly("index.html", "page/2/index.html");
        Document first = Jsoup.parse(pages.get(0).text());
        assertThat(first.select("section[aria-labelledby=upcoming-heading] .entry-title").eachText())
                .containsExactly("Sooner", "Later");
        assertThat(first.select("section[aria-labelledby=past-heading] h3").eachText()).containsExactly("2017", "2016");
        assertThat(first.select("section[aria-labelledby=past-heading] .entry-title").first().text())
                .isEqualTo("Past " + (PageRenderer.PAGE_SIZE + 2));
        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/page/2/");
        Document second = Jsoup.parse(pages.get(1).text());
        assertThat(second.select(".entry-title").eachText()).containsExactly("Past 2", "Past 1", "Past 0");
        assertThat(second.select("section[aria-labelledby=upcoming-heading]")).isEmpty();
        assertThat(second.select("link[rel=canonical]").attr("href")).isEqualTo("https://events.example.org/page/2/");
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/");
    }

    @Test
    void index_upcomingEntriesShowTimePlaceSummaryAndPicture_pastOnesStayCompact_andTheFormIsThere() {
        Event upcoming = TestEvents.seed();
        Event past = TestEvents.published("p1", "2017-08-01-summer", "Summer social",
                java.time.LocalDateTime.parse("2017-08-01T18:30:00"));
        Document index = Jsoup.parse(renderer.indexPages(List.of(upcoming, past), TestEvents.NOW).get(0).text());

        Element entry = index.selectFirst("section[aria-labelledby=upcoming-heading] .entry");
        assertThat(entry.select(".entry-when").text())
                .isEqualTo("Tue 26 Sep 2017, 18:45 · The ODI Node Leeds, Leeds");
        assertThat(entry.select(".entry-summary").text()).startsWith("After our summer break");
        assertThat(entry.select("img.thumb").attr("src")).matches("/events/" + Fixtures.SEED_SLUG
                + "/card-[0-9a-f]{12}\\.png");
        assertThat(entry.select("img.thumb").attr("alt")).isEmpty();
        Element archived = index.selectFirst("section[aria-labelledby=past-heading] .entry");
        assertThat(archived.select(".entry-title").text()).isEqualTo("Summer social");
        assertThat(archived.select("img, .entry-summary")).isEmpty();
        assertThat(index.select("#subscribe form input[name=event]")).isEmpty();
        assertThat(index.select("#subscribe form input[type=email]")).hasSize(1);
    }

    @Test
    void index_datesEachEntryInEnglish_SepNotTheEnGbSept() {
        Document index = Jsoup.parse(renderer.indexPages(List.of(TestEvents.seed()), TestEvents.NOW).get(0).text());

        assertThat(index.select(".entry-when time").text()).isEqualTo("Tue 26 Sep 2017, 18:45");
    }

    @Test
    void feed_isAtomWithOneEntryPerEvent() {
        org.w3c.dom.Document feed = XmlCheck.parse(renderer.feed(List.of(TestEvents.seed())).text());

        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
        org.w3c.dom.Element entry = (org.w3c.dom.Element) feed.getElementsByTagName("entry").item(0);
        assertThat(entry.getElementsByTagName("id").item(0).getTextContent())
                .isEqualTo(SITE.eventUrl(Fixtures.SEED_SLUG));
        assertThat(entry.getElementsByTagName("updated").item(0).getTextContent()).isEqualTo("2017-09-09T10:01:54Z");
        assertThat(entry.getElementsByTagName("summary").item(0).getTextContent())
                .startsWith("Tuesday 26 September 2017, 18:45 – 23:00 BST at The ODI Node Leeds");
        assertThat(feed.getElementsByTagName("author").getLength()).isEqualTo(1);
        org.w3c.dom.Document sitemap = XmlCheck.parse(renderer.sitemap(List.of(TestEvents.seed()), 1).text());
        assertThat(sitemap.getElementsByTagName("loc").item(1).getTextContent())
                .isEqualTo(SITE.eventUrl(Fixtures.SEED_SLUG));
    }

    private Document eventPage(Event event) {
        SiteObject page = renderer.eventPages(event).get(0);
        assertThat(page.contentType()).isEqualTo("text/html;charset=utf-8");
        assertThat(page.cacheControl()).isEqualTo("public, max-age=300");
        return Jsoup.parse(page.text());
    }

    private JsonNode jsonLd(Document page) throws Exception {
        return json.readTree(page.selectFirst("script[type=application/ld+json]").data());
    }
}
