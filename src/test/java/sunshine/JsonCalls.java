package sunshine;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON calls to the API as a signed-in user, in Chinese: the status and the body as a tree. */
public record JsonCalls(MockMvc mvc, JsonMapper json, MockHttpSession session) {

    public record Answer(int status, JsonNode body) {
        public String code() {
            return body.path("code").asText();
        }

        public String detail() {
            return body.path("detail").asText();
        }

        public long id() {
            return body.get("id").asLong();
        }
    }

    public Answer call(HttpMethod method, String url, String body) throws Exception {
        var request = MockMvcRequestBuilders.request(method, url)
                .session(session)
                .with(csrf())
                .header("Accept-Language", "zh-CN")
                .accept(MediaType.APPLICATION_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MockHttpServletResponse res = mvc.perform(request).andReturn().getResponse();
        res.setCharacterEncoding("UTF-8");
        String text = res.getContentAsString();
        return new Answer(res.getStatus(), text.isEmpty() ? json.readTree("{}") : json.readTree(text));
    }

    public Answer get(String url) throws Exception {
        return call(HttpMethod.GET, url, null);
    }

    public Answer post(String url, String body) throws Exception {
        return call(HttpMethod.POST, url, body);
    }

    public Answer put(String url, String body) throws Exception {
        return call(HttpMethod.PUT, url, body);
    }

    public Answer delete(String url) throws Exception {
        return call(HttpMethod.DELETE, url, null);
    }
}
