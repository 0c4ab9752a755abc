// Probot 14.3.2 receiving webhooks, for the side-by-side ingress benchmark (bench/CourseBot.Bench
// webhook-ingress starts it). It is Probot's documented Node middleware with a handler that does
// nothing, so what is measured is Probot's own verify-parse-dispatch-answer path.
// Usage: node server.mjs PORT SECRET   (prints "listening" when ready)
import { createServer } from "node:http";
import { generateKeyPairSync } from "node:crypto";
import { createNodeMiddleware, createProbot } from "probot";

const [port, secret] = process.argv.slice(2);
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
const probot = createProbot({ overrides: { appId: 1, privateKey, secret, logLevel: "warn" } });
const middleware = await createNodeMiddleware((app) => { app.on("push", async () => {}); }, { probot, webhooksPath: "/api/github/webhooks" });
createServer((req, res) => middleware(req, res, () => { res.writeHead(404); res.end(); }))
  .listen(Number(port), "127.0.0.1", () => console.log("listening"));
