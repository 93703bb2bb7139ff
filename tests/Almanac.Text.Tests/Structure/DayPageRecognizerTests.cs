using Almanac.Core;
using NodaTime;

namespace Almanac.Text.Tests.Structure;

public class DayPageRecognizerTests
{
    private static DayPage Page(string path, string content)
    {
        var document = Reading.Document(path, content);
        Assert.NotNull(document.DayPage);
        return document.DayPage;
    }

    private static (int? Year, MentionKind Kind, string Text)[] Entries(DayPage page) =>
        page.Entries.Select(e => (e.Year, e.Kind, e.Text)).ToArray();

    [Fact]
    public void PlainTextList_UnderSectionHeadings_GivesOneEntryPerLineOfItsKind()
    {
        var page = Page("saved.txt", "March 15\n\nEvents\n44 BC – Julius Caesar is assassinated in Rome.[3]\n1917 – Nicholas II abdicates.\n\nBirths\n1767 – Andrew Jackson, American president (d. 1845)\n\nDeaths\n1937 – H. P. Lovecraft, American writer (b. 1890)\n");
        Assert.Equal(new AnnualDate(3, 15), page.Day);
        Assert.Equal(
            [(-43, MentionKind.Event, "Julius Caesar is assassinated in Rome."), (1917, MentionKind.Event, "Nicholas II abdicates."),
             (1767, MentionKind.Birth, "Andrew Jackson, American president (d. 1845)"), (1937, MentionKind.Death, "H. P. Lovecraft, American writer (b. 1890)")],
            Entries(page));
    }

    [Fact]
    public void NewspaperColumn_DatelineAndInYearLines_AreEntriesOfThatDay()
    {
        var page = Page("column.txt",
            "Today in History\n\nToday is Tuesday, June 4, the 155th day of 2019. There are 210 days left in the year.\n\nToday's Highlight in History:\n\nOn June 4, 1940, the evacuation of troops ended.\n\nOn this date:\n\nIn 1812, the House approved a declaration of war.\n\nIn 1919, Congress approved the amendment, sending it to the states. (It was ratified in 1920.)\n");
        Assert.Equal(new AnnualDate(6, 4), page.Day);
        Assert.Equal([1940, 1812, 1919], page.Entries.Select(e => e.Year));
        Assert.Equal("Congress approved the amendment, sending it to the states. (It was ratified in 1920.)", page.Entries[^1].Text);
    }

    [Theory]
    [InlineData("- 1961 - The wall goes up.", 1961)]
    [InlineData("● 1961 - The wall goes up.", 1961)]
    [InlineData("**1961** — The wall goes up.", 1961)]
    [InlineData("1961: The wall goes up.", 1961)]
    [InlineData("1961 The wall goes up.", 1961)]
    [InlineData("1961The wall goes up.", 1961)]
    [InlineData("1. 13th Aug 1961: The wall goes up.", 1961)]
    [InlineData("c. 5BC – The wall goes up.", -4)]
    [InlineData("40BC – The wall goes up.", -39)]
    [InlineData("0044 – The wall goes up.", 44)]
    [InlineData("1961 | * | The wall goes up. | Ref: 2 |", 1961)]
    [InlineData("1961 – The wall goes up.\n\n1961–present", 1961)]
    public void EntryForm_GivesItsYearAndOwnText(string line, int year)
    {
        var page = Page("08-13.md", $"Some introduction to the day.\n\n{line}\n\n1989 – Another entry ends the list.\n");
        Assert.Equal((year, "The wall goes up."), (page.Entries[0].Year!.Value, page.Entries[0].Text));
    }

    [Fact]
    public void YearOnItsOwnLine_TakesTheNextLineAsItsTextAndSkipsTheDescription()
    {
        var page = Page("x.txt", "Events of August 29\n1475\nTreaty of Picquigny\nIn 1475, a treaty was signed between the two kings after a long war.\n1612\nBattle of Swally\nIn 1612, the fleet won.\n");
        Assert.Equal([(1475, MentionKind.Event, "Treaty of Picquigny"), (1612, MentionKind.Event, "Battle of Swally")], Entries(page));
    }

    [Fact]
    public void FileName_GivesTheDay_WhenThePageDoesNotSayIt()
    {
        var page = Page("site_05-28.txt", "585 BC - A solar eclipse occurs.\n\n1871 - Fall of the Commune.\n");
        Assert.Equal(new AnnualDate(5, 28), page.Day);
    }

    [Fact]
    public void FullDateOfAnotherDay_IsNotAnEntry()
    {
        var page = Page("x.txt", "February 9\n\nFebruary 9, 1964 The band plays on television.\nFebruary 10, 1964 A teaser for tomorrow.\nFebruary 9, 1969 The band plays its last concert.\n");
        Assert.Equal([1964, 1969], page.Entries.Select(e => e.Year));
    }

    [Fact]
    public void LabelsAndMarks_GiveKinds_OnAnUnsectionedList()
    {
        var page = Page("x.txt", "July 4\n\n1804: Birthday of Nathaniel Hawthorne, novelist\n1826: Died: Thomas Jefferson, president\n1872 Calvin Coolidge (born), president (died 1933)\n1776: Independence is declared.\n");
        Assert.Equal([MentionKind.Birth, MentionKind.Death, MentionKind.Birth, MentionKind.Event], page.Entries.Select(e => e.Kind));
    }

    [Fact]
    public void RunOfNamesWithYears_IsOneEntryPerItemOfTheRunsKind()
    {
        var page = Page("x.txt", "June 19\n\nBlaise Pascal (1623), Lou Gehrig (1903) & Salman Rushdie (1947) were born #OnThisDay. J.M. Barrie (1937) & Ian Holm (2020) died on this day.\n");
        Assert.Equal(
            [(1623, MentionKind.Birth, "Blaise Pascal"), (1903, MentionKind.Birth, "Lou Gehrig"), (1947, MentionKind.Birth, "Salman Rushdie"),
             (1937, MentionKind.Death, "J.M. Barrie"), (2020, MentionKind.Death, "Ian Holm")],
            Entries(page));
    }

    [Fact]
    public void EntriesGluedOnOneLine_AreSplit()
    {
        var page = Page("x.txt", "July 4\n\n1776: The Congress adopted the\nDeclaration of Independence. 1802: The Academy opened.\n");
        Assert.Equal([(1776, MentionKind.Event, "The Congress adopted the\nDeclaration of Independence."), (1802, MentionKind.Event, "The Academy opened.")], Entries(page));
    }

    [Fact]
    public void HolidayWithoutYear_IsAHolidayOfTheDay_AndAYearLedLineEndsTheHolidays()
    {
        var page = Page("x.md", "# May 1\n\n## Holidays and observances\n\n- International Workers' Day\n\n1707 – The Acts of Union take effect.\n\n1931 – The Empire State Building opens.\n");
        Assert.Equal([(null, MentionKind.Holiday, "International Workers' Day"), (1707, MentionKind.Event, "The Acts of Union take effect."), (1931, MentionKind.Event, "The Empire State Building opens.")], Entries(page));
    }

    [Fact]
    public void HtmlList_IsReadLikePlainText()
    {
        var page = Page("x.html", "<html><head><title>April 14</title></head><body><h2>Events</h2><ul><li><a href='/43_BC'>43 BC</a> – The war begins.</li><li><a href='/1912'>1912</a> – A ship sinks.</li></ul><h2>Births</h2><ul><li>1866 – Anne Sullivan, teacher</li></ul></body></html>");
        Assert.Equal([(-42, MentionKind.Event, "The war begins."), (1912, MentionKind.Event, "A ship sinks."), (1866, MentionKind.Birth, "Anne Sullivan, teacher")], Entries(page));
    }

    [Fact]
    public void ProseWithoutADay_IsNoDayPage()
    {
        var document = Reading.Document("essay.txt", "In 1956 the speech was made. It was read in 1956 – in secret – to delegates.\n");
        Assert.Null(document.DayPage);
    }

    [Fact]
    public void TextStartingWithANumberGluedToLetters_IsAnEntry_ButAPeriodHeadingIsNot()
    {
        var page = Page("x.txt", "July 14\n\nEvents\n1901–present\n1992 – 386BSD is released.\n1993 – Another release follows.\n");
        Assert.Equal([1992, 1993], page.Entries.Select(e => e.Year));
        Assert.Equal("386BSD is released.", page.Entries[0].Text);
    }

    [Fact]
    public void SecondItemUnderAYearLine_TakesThatYear()
    {
        var page = Page("x.txt", "September 17\n\n1939 – An army crosses the border.\nA submarine sinks an aircraft carrier.\n1940 – A ship is torpedoed.\n");
        Assert.Equal(
            [(1939, MentionKind.Event, "An army crosses the border."), (1939, MentionKind.Event, "A submarine sinks an aircraft carrier."),
             (1940, MentionKind.Event, "A ship is torpedoed.")],
            Entries(page));
    }

    [Fact]
    public void YearColonEntryGluedAfterWordsWithoutASentenceBreak_IsSplitOff()
    {
        var page = Page("x.txt", "July 4\n\n1847: Birthday of a circus owner, co-founder of the\nGreatest Show 1855: The first edition of a book of poems was published.\n1862: A story was told.\n");
        Assert.Equal([1847, 1855, 1862], page.Entries.Select(e => e.Year));
        Assert.Equal("The first edition of a book of poems was published.", page.Entries[1].Text);
    }

    [Fact]
    public void YearColonTiedToTheWordsBeforeIt_IsPartOfTheEntry()
    {
        var page = Page("x.txt", "November 11\n\n1813 – War of 1812: Battle of a farm: a larger force is defeated.\n1831 – A rebel is hanged.\n");
        Assert.Equal([(1813, "War of 1812: Battle of a farm: a larger force is defeated."), (1831, "A rebel is hanged.")],
            page.Entries.Select(e => (e.Year!.Value, e.Text)));
    }

    [Fact]
    public void LastEntryWithoutTheFullStopEveryOtherEntryHas_IsCutAndDropped()
    {
        var page = Page("x.txt", "December 14\n\n1958 – An expedition reaches the pole.\n1940 – An element is isolated.\n1911 – A team, comprising himself, two skiers and");
        Assert.Equal([1958, 1940], page.Entries.Select(e => e.Year));
    }

    [Fact]
    public void YearsAgoLine_IsDatedFromTheColumnsOwnYear()
    {
        var page = Page("column.txt",
            "Today in History\n\nToday is Tuesday, Feb. 14, the 45th day of 2012.\n\nOn this date:\n\nIn 1912, Arizona became a state.\n\nTen years ago: A leader began his defense at a tribunal.\n\nFive years ago: A storm closed the airports.\n");
        Assert.Equal([(1912, "1912"), (2002, "Ten years ago"), (2007, "Five years ago")], page.Entries.Select(e => (e.Year!.Value, e.YearText)));
        Assert.Equal("A leader began his defense at a tribunal.", page.Entries[1].Text);
    }

    [Fact]
    public void YearsAgoLine_WithoutThePagesYear_IsNoEntry()
    {
        var page = Page("06-04.txt", "1919 – A law is passed.\n\n1940 – A retreat ends.\n\nTen years ago: A leader began his defense.\n");
        Assert.Equal([1919, 1940], page.Entries.Select(e => e.Year));
    }

    [Fact]
    public void HolidaysSavedAsLinesOfText_AreHolidaysOfTheDay_ButAParagraphOfProseIsNot()
    {
        var page = Page("x.txt", "September 23\n\nEvents\n1846 – A planet is found.\n1932 – A kingdom is proclaimed.\n\nHolidays and observances\nHeritage Day\nDay of the Bilingual Sign\n\nThe site lists more holidays of the season on other pages, updated every year by its editors.\n");
        Assert.Equal(["Heritage Day", "Day of the Bilingual Sign"], page.Entries.Where(e => e.Kind == MentionKind.Holiday).Select(e => e.Text));
    }

    [Fact]
    public void TitleThatSetsOffTheSiteName_GivesTheDay_AndEachCardsYearTakesItsTitle()
    {
        var page = Page("cards.html",
            "<html><head><title>December 2 | This Day In History</title></head><body><div class=\"page\">"
            + "<div class=\"card\"><div>1804</div><h3>Napoleon crowned emperor</h3><p>In a ceremony at Notre-Dame, he crowns himself.</p></div>"
            + "<div class=\"card\"><div>1971</div><h3>UAE formed</h3><p>Six emirates join to form one state.</p></div></div></body></html>");
        Assert.Equal(new AnnualDate(12, 2), page.Day);
        Assert.Equal([(1804, MentionKind.Event, "Napoleon crowned emperor"), (1971, MentionKind.Event, "UAE formed")], Entries(page));
    }

    [Fact]
    public void YearInBracketsAfterAListItem_IsItsYear_InItsSection()
    {
        var page = Page("list.md", "# December 2\n\n## Events\n- Napoleon crowns himself Emperor of the French (1804)\n- The United Arab Emirates is founded (1971)\n\n## Born on this day\n- Maria Callas, soprano (1923)\n- Georges Seurat, painter (1859)\n");
        Assert.Equal(
            [(1804, MentionKind.Event, "Napoleon crowns himself Emperor of the French"), (1971, MentionKind.Event, "The United Arab Emirates is founded"),
             (1923, MentionKind.Birth, "Maria Callas, soprano"), (1859, MentionKind.Birth, "Georges Seurat, painter")],
            Entries(page));
    }

    [Fact]
    public void NumberInBracketsAfterAHeading_IsNoEntry()
    {
        var page = Page("11-24.txt", "Today in Science (1124)\n\n1859 – A book on the origin of species is published.\n1963 – A suspect is shot on live television.\n");
        Assert.Equal([1859, 1963], page.Entries.Select(e => e.Year));
    }

    [Fact]
    public void LastEntryOfItsKind_EndingThePage_IsKept_ThoughShorterThanTheEvents()
    {
        var page = Page("table.html",
            "<html><head><title>What happened on December 2</title></head><body><h2>Events</h2><table>"
            + "<tr><td>1804</td><td>Napoleon Bonaparte crowns himself Emperor of the French at Notre-Dame de Paris.</td></tr>"
            + "<tr><td>1942</td><td>Enrico Fermi's team achieves the first self-sustaining nuclear chain reaction in Chicago.</td></tr></table>"
            + "<h2>Deaths</h2><table><tr><td>1814</td><td>Marquis de Sade, French writer</td></tr></table></body></html>");
        Assert.Equal((1814, MentionKind.Death, "Marquis de Sade, French writer"), Entries(page)[^1]);
    }

    [Fact]
    public void FullDateStandingAlone_IsAHeadingOverItsEntrysText()
    {
        var page = Page("days.html",
            "<html><head><title>This day in history - December 2</title></head><body><main><h1>This day in history</h1>"
            + "<h2>December 2, 1804</h2><p>Napoleon crowns himself Emperor of the French.</p>"
            + "<h2>December 2, 1942</h2><p>Scientists in Chicago start the first nuclear chain reaction.</p>"
            + "<h2>December 3, 1967</h2><p>A surgeon performs the first human heart transplant.</p></main></body></html>");
        Assert.Equal([(1804, MentionKind.Event, "Napoleon crowns himself Emperor of the French."), (1942, MentionKind.Event, "Scientists in Chicago start the first nuclear chain reaction.")], Entries(page));
    }

    [Fact]
    public void YearAfterADash_DatesAListsLine_ButNotAHeading()
    {
        var page = Page("12-02.txt", "Top Events - 2019\n\nNapoleon crowns himself Emperor of the French - 1804\nJohn Brown is hanged – 1859\n");
        Assert.Equal([(1804, MentionKind.Event, "Napoleon crowns himself Emperor of the French"), (1859, MentionKind.Event, "John Brown is hanged")], Entries(page));
    }
}
