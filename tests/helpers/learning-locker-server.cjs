// Learning Locker's learning record store, the npm package @learninglocker/xapi-statements (dev dependency, exact pin),
// started the way its own dist/server.js starts it, with two differences: it listens on 127.0.0.1 only (server.js
// listens on every interface) and on the port in LRS_PORT (0: a free one), and it prints "listening <port>" when ready.
// The configuration is the package's own, read from the environment that tests/helpers/learning-locker.ts sets:
// statements in its in-memory store (MODELS_REPO=memory), its test authentication and events (no MongoDB, no Redis).
// Run as a child process: `node tests/helpers/learning-locker-server.cjs`.
'use strict';
const { createRequire } = require('node:module');
const path = require('node:path');

const pkg = require.resolve('@learninglocker/xapi-statements/package.json');
const dist = (name) => require(path.join(path.dirname(pkg), 'dist', name));
const express = createRequire(pkg)('express');

const config = dist('config').default;
const presenter = dist('expressPresenter').default({
	llClientInfoEndpoint: config.llClientInfoEndpoint,
	customRoute: config.express.customRoute,
	customRouteText: config.express.customRouteText,
	morganDirectory: config.express.morganDirectory,
	bodyParserLimit: config.express.bodyParserLimit,
	service: dist('serviceFactory').default(),
	tracker: dist('tracker').default,
	translator: dist('translatorFactory').default(),
	logger: dist('logger').default,
	allowUndefinedMethod: config.express.allowUndefinedMethod,
	allowFormBody: config.express.allowFormBody,
});
const routes = dist('utils/constants');

const app = express();
app.use(routes.aboutRoute, presenter.aboutRouter);
app.use(routes.fullActivitiesRoute, presenter.fullActivitiesRouter);
app.use(routes.statementsRoute, presenter.statementsRouter);
const server = app.listen(Number(process.env.LRS_PORT || 0), '127.0.0.1', () => {
	process.stdout.write(`listening ${server.address().port}\n`);
});
server.on('error', (err) => {
	process.stderr.write(`${err.stack}\n`);
	process.exit(1);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
