//go:build tools

// The Pulumi CLI, built from its Go module (.ci/build-pulumi): the engine tests' `pulumi`.
package tools

import _ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
