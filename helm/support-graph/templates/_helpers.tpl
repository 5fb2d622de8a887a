{{/* Chart name, at most 63 characters (a DNS label). */}}
{{- define "support-graph.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-qualified name; the release name alone when it already contains the chart name. */}}
{{- define "support-graph.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "support-graph.selectorLabels" -}}
app.kubernetes.io/name: {{ include "support-graph.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "support-graph.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "support-graph.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: support-graph
{{- end }}

{{- define "support-graph.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "support-graph.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The CloudNativePG Cluster's name; the operator names its app secret "<cluster>-app". */}}
{{- define "support-graph.dbClusterName" -}}
{{- printf "%s-db" (include "support-graph.fullname" .) | trunc 60 | trimSuffix "-" }}
{{- end }}

{{/* Secret holding the database URLs and credentials: the operator's or an existing one. */}}
{{- define "support-graph.dbSecretName" -}}
{{- if .Values.database.cloudnativepg.enabled }}
{{- printf "%s-app" (include "support-graph.dbClusterName" .) }}
{{- else }}
{{- required "database.external.secretName is required without database.cloudnativepg.enabled" .Values.database.external.secretName }}
{{- end }}
{{- end }}
